"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { PasswordResetButton } from "@/components/admin/password-reset-button";
import { UserRowControls } from "@/components/admin/user-row-controls";
import { StatusBadge } from "@/components/ui/status-badge";
import { SortLinkHead } from "@/components/ui/sort-link-head";
import { TableBodyRows } from "@/components/ui/table-body-rows";
import { TableContainer } from "@/components/ui/table-container";
import { useServerSortedTable } from "@/components/ui/use-server-sorted-table";
import type { UserRole } from "@/db/schema/enums";
import { roleLabels } from "@/lib/auth/roles";
import { userSortHref, userSortLabels, type UserSort, type UserStatus, type UserTableQuery } from "@/lib/admin/user-params";

/** One account as the browser gets it: dates already written out, no hash. */
export interface UserTableClientRow {
  id: string;
  name: string;
  username: string;
  email: string;
  role: UserRole;
  status: UserStatus;
  joined: string;
  joinedIso: string;
  lastSignIn: string;
  lastSignInIso: string | null;
  isSelf: boolean;
}

const column = createColumnHelper<UserTableClientRow>();

function ManageCell({ row }: { row: UserTableClientRow }) {
  if (row.isSelf) return <span className="text-xs text-ink-muted">This is you</span>;
  // An anonymised account is kept only for its learning records: nothing left to manage.
  if (row.status === "anonymised") return null;
  return (
    <div className="flex flex-col items-start gap-2">
      <UserRowControls userId={row.id} userLabel={row.name} role={row.role} isActive={row.status !== "deactivated"} isSelf={false} />
      {/* A deactivated account cannot take a link (the action refuses it too). */}
      {row.status === "deactivated" ? null : <PasswordResetButton userId={row.id} name={row.name} invited={row.status === "invited"} />}
      <Link href={`/admin/users/${row.id}/sessions`} className="text-sm font-medium text-brand-700 underline">
        Sessions<span className="sr-only"> of {row.name}</span>
      </Link>
      <Link href={`/admin/users/${row.id}/security`} className="text-sm font-medium text-brand-700 underline">
        Two-step verification<span className="sr-only"> of {row.name}</span>
      </Link>
      <Link href={`/admin/users/${row.id}/anonymize`} className="text-sm font-medium text-danger-700 underline">
        Anonymise<span className="sr-only"> {row.name}</span>
      </Link>
    </div>
  );
}

// Sortable columns carry the sort key as their id; the server sorts by it.
const columns = [
  column.accessor("name", {
    id: "name",
    header: "Name",
    cell: ({ row }) => (
      <>
        <span className="font-medium">{row.original.name}</span>
        <span className="block text-xs text-ink-muted">@{row.original.username}</span>
      </>
    ),
  }),
  column.accessor("email", { id: "email", header: "Email", cell: ({ getValue }) => <span className="break-all">{getValue()}</span> }),
  column.accessor("role", { id: "role", header: "Role", cell: ({ getValue }) => roleLabels[getValue()] }),
  column.accessor("status", { id: "status", header: "Status", enableSorting: false, cell: ({ getValue }) => <StatusBadge status={getValue()} /> }),
  column.accessor("joined", {
    id: "joined",
    header: "Joined",
    cell: ({ row }) => <time dateTime={row.original.joinedIso}>{row.original.joined}</time>,
  }),
  column.accessor("lastSignIn", {
    id: "lastSignIn",
    header: "Last sign-in",
    cell: ({ row }) =>
      row.original.lastSignInIso ? <time dateTime={row.original.lastSignInIso}>{row.original.lastSignIn}</time> : "Never",
  }),
  column.display({ id: "manage", header: "Manage", enableSorting: false, cell: ({ row }) => <ManageCell row={row.original} /> }),
];

interface UserTableProps {
  rows: UserTableClientRow[];
  query: UserTableQuery;
  basePath: string;
  pageCount: number;
}

/**
 * Every account, searched, filtered, sorted and paged on the server from the
 * URL: TanStack Table lays out the columns, and each sortable header is a link
 * to the same page sorted by it, so sorting works without JavaScript.
 */
export function UserTable({ rows, query, basePath, pageCount }: UserTableProps) {
  const table = useServerSortedTable({ rows, columns, pageCount, sort: query.sort, dir: query.dir, page: query.page });

  return (
    <TableContainer label="Users">
      <table className="w-full min-w-[64rem] text-left text-sm">
        <caption className="sr-only">
          Users, sorted by {userSortLabels[query.sort]} {query.dir === "asc" ? "ascending" : "descending"}. Select a column header to sort by it.
        </caption>
        <SortLinkHead table={table} sortHref={(id) => userSortHref(basePath, query, id as UserSort)} />
        <TableBodyRows table={table} emptyText="No user matches these filters." rowHeaderColumn="name" />
      </table>
    </TableContainer>
  );
}
