import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UserFilters } from "@/components/admin/user-filters";
import { UserTable, type UserTableClientRow } from "@/components/admin/user-table";
import { formatDate } from "@/lib/format";
import { Pager } from "@/components/ui/pager";
import { db } from "@/db";
import { parseUserTableQuery, userPageHref, userStatusLabels } from "@/lib/admin/user-params";
import { loadUserTablePage } from "@/lib/admin/user-queries";
import { requireArea } from "@/lib/auth/current-user";
import { roleLabels } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Users" };

const basePath = "/admin/users";

/** Every account on the site: searched, filtered, sorted and paged from the URL, with the admin's controls. */
export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireArea("area.admin", basePath);
  const query = parseUserTableQuery(await searchParams);
  const result = await loadUserTablePage(db, user, query);
  if (!result) notFound();
  const rows: UserTableClientRow[] = result.rows.map((row) => ({
    id: row.id,
    name: row.name,
    username: row.username,
    email: row.email,
    role: row.role,
    status: row.status,
    joined: formatDate(row.createdAt),
    joinedIso: row.createdAt.toISOString(),
    lastSignIn: formatDate(row.lastSignInAt),
    lastSignInIso: row.lastSignInAt?.toISOString() ?? null,
    isSelf: row.id === user.id,
  }));
  const { filters } = query;
  const narrowedBy = [
    filters.q ? `matching “${filters.q}”` : null,
    filters.role ? `with the role ${roleLabels[filters.role]}` : null,
    filters.status ? `with the status ${userStatusLabels[filters.status]}` : null,
  ].filter(Boolean);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href="/admin" className="text-sm font-medium text-brand-700 underline">
            ← Administration
          </Link>
          <h1 className="text-2xl font-bold">Users</h1>
          <p className="text-ink-muted">Every account: change roles, deactivate, reactivate, or anonymise on request.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/users/import" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
            Import users
          </Link>
          <Link href="/admin/cohorts" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
            Cohorts
          </Link>
          <Link href="/admin/users/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            New user
          </Link>
        </div>
      </header>
      <UserFilters action={basePath} query={query} />
      <p role="status" className="text-sm text-ink-muted">
        {result.total} user{result.total === 1 ? "" : "s"}
        {narrowedBy.length > 0 ? ` ${narrowedBy.join(", ")}` : ""}
      </p>
      <UserTable rows={rows} query={{ ...query, page: result.page }} basePath={basePath} pageCount={result.pageCount} />
      <Pager page={result.page} pageCount={result.pageCount} hrefFor={(page) => userPageHref(basePath, query, page)} label="User pages" />
    </div>
  );
}
