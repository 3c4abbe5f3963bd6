import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RosterImportForm } from "@/components/roster/roster-import-form";
import { requireArea } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { rosterColumnHints, rosterColumns, rosterLimits } from "@/lib/roster/columns";

export const metadata: Metadata = { title: "Import users" };

/** An admin loads a term's students (and staff) from a spreadsheet: preview, then save all at once. */
export default async function ImportUsersPage() {
  const user = await requireArea("area.admin", "/admin/users/import");
  if (!can(user, "user.import")) notFound();
  return (
    <div className="flex flex-col gap-6">
      <header>
        <Link href="/admin/users" className="text-sm font-medium text-brand-700 underline">
          ← Users
        </Link>
        <h1 className="text-2xl font-bold">Import users</h1>
        <p className="text-ink-muted">
          Create or update many accounts from a CSV file, enrol students in courses and sections, and put people in cohorts. Every row is checked first; then
          everything is saved at once, or nothing.
        </p>
      </header>
      <section aria-labelledby="columns-heading" className="flex flex-col gap-2 rounded-card border border-slate-200 bg-white p-4">
        <h2 id="columns-heading" className="text-lg font-semibold">
          The file
        </h2>
        <p className="text-sm">
          A header row names the columns, in any order (case does not matter); then one row per person. At most {rosterLimits.rows.toLocaleString("en")} rows.{" "}
          <a href="/admin/users/import/template.csv" className="font-medium text-brand-700 underline" download>
            Download the template
          </a>
        </p>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
          {rosterColumns.map((column) => (
            <div key={column} className="contents">
              <dt className="font-mono font-semibold">{column}</dt>
              <dd className="text-ink-muted">{rosterColumnHints[column]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <RosterImportForm />
    </div>
  );
}
