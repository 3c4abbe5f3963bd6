import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { roleLabels, roles } from "@/lib/auth/roles";
import { defaultUserSort, naturalUserDirection, userStatuses, userStatusLabels, type UserTableQuery } from "@/lib/admin/user-params";

const any = (label: string) => ({ value: "", label });

/**
 * Search and filters of the users table: a plain GET form, so every view has
 * an address and works without JavaScript. The sort rides along in hidden
 * fields; a new search starts at page 1.
 */
export function UserFilters({ action, query }: { action: string; query: UserTableQuery }) {
  const { filters } = query;
  const keepsSort = query.sort !== defaultUserSort || query.dir !== naturalUserDirection(query.sort);
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label="Filter users"
      className="flex flex-col gap-4 rounded-card border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Find a user" name="q" type="search" defaultValue={filters.q} maxLength={100} placeholder="Name, username or email" />
        <SelectField
          label="Role"
          name="role"
          defaultValue={filters.role ?? ""}
          options={[any("Any role"), ...roles.map((role) => ({ value: role, label: roleLabels[role] }))]}
        />
        <SelectField
          label="Status"
          name="status"
          defaultValue={filters.status ?? ""}
          options={[any("Any status"), ...userStatuses.map((status) => ({ value: status, label: userStatusLabels[status] }))]}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        {keepsSort ? (
          <>
            <input type="hidden" name="sort" value={query.sort} />
            <input type="hidden" name="dir" value={query.dir} />
          </>
        ) : null}
        <Button type="submit" variant="secondary">
          Search
        </Button>
        <Link href={action} className="text-sm font-medium text-brand-700 underline">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
