import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Pager } from "@/components/ui/pager";
import { countOf } from "@/components/ui/plural";
import { db } from "@/db";
import { auditHref, auditPageSize, parseAuditQuery } from "@/lib/audit/audit-params";
import { loadAuditLog } from "@/lib/audit/audit-queries";
import { requireArea } from "@/lib/auth/current-user";
import { pageCountOf } from "@/lib/pagination";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireArea("area.admin", "/admin/audit");
  const query = parseAuditQuery(await searchParams);
  const log = await loadAuditLog(db, user, query);
  if (!log) notFound();
  const pageCount = pageCountOf(log.total, auditPageSize);
  const filtered = Boolean(query.actor || query.action || query.from || query.to);

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">Audit log</h1>
        <p className="text-ink-muted">Who did what to which record, and when: newest first.</p>
      </header>

      <AuditFilters query={query} actions={log.actions} />

      <section aria-labelledby="audit-entries" className="flex flex-col gap-3">
        <h2 id="audit-entries" className="text-lg font-semibold">
          {filtered ? `${countOf(log.total, "matching entry", "matching entries")}` : countOf(log.total, "entry", "entries")}
        </h2>
        {log.rows.length === 0 ? (
          <p className="text-ink-muted">{filtered ? "No entry matches these filters." : "Nothing recorded yet."}</p>
        ) : (
          <AuditTable rows={log.rows} />
        )}
        <Pager page={query.page} pageCount={pageCount} label="Audit log pages" hrefFor={(page) => auditHref({ ...query, page })} />
      </section>
    </div>
  );
}
