import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { actionOptions, type AuditQuery } from "@/lib/audit/audit-params";

/** The audit log's filters as a plain GET form: every filtered view has an address, and it works without JavaScript. */
export function AuditFilters({ query, actions }: { query: AuditQuery; actions: string[] }) {
  return (
    <form method="get" action="/admin/audit" role="search" aria-label="Filter the audit log" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-start">
      <TextField
        label="Actor"
        name="actor"
        type="search"
        defaultValue={query.actor}
        maxLength={100}
        placeholder="Name, username or email"
      />
      <SelectField label="Action" name="action" defaultValue={query.action} options={actionOptions(actions, query.action)} />
      <TextField label="From (UTC day)" name="from" type="date" defaultValue={query.from ?? ""} error={query.errors.from} />
      <TextField label="To (UTC day)" name="to" type="date" defaultValue={query.to ?? ""} error={query.errors.to} />
      <div className="flex items-end gap-2 lg:mt-6">
        <Button type="submit">Filter</Button>
        <Link href="/admin/audit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
          Clear
        </Link>
      </div>
    </form>
  );
}
