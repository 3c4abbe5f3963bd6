import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { TableContainer } from "@/components/ui/table-container";
import type { AuditLogRow } from "@/lib/audit/audit-queries";
import { changedKeys } from "./change-summary";
import { entityLabel, targetHref } from "./target-link";

const th = "px-4 py-3 font-semibold";
const td = "px-4 py-3 align-top";

/** One page of audit entries, newest first: when, who, what, to which record, from where, and what changed. */
export function AuditTable({ rows }: { rows: AuditLogRow[] }) {
  return (
    <TableContainer label="Audit entries">
      <table className="w-full min-w-[60rem] text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
          <tr>
            <th scope="col" className={th}>When</th>
            <th scope="col" className={th}>Who</th>
            <th scope="col" className={th}>Action</th>
            <th scope="col" className={th}>Target</th>
            <th scope="col" className={th}>IP</th>
            <th scope="col" className={th}>Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <AuditRow key={row.id} row={row} />
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}

function AuditRow({ row }: { row: AuditLogRow }) {
  const href = targetHref(row);
  const changes = changedKeys(row.before, row.after);
  return (
    <tr className="border-b border-slate-100 last:border-0">
      <td className={`${td} whitespace-nowrap`}>
        <LocalTime value={row.createdAt} />
      </td>
      <th scope="row" className={`${td} font-medium`}>
        {row.actorName ?? <span className="font-normal text-ink-muted">System / not signed in</span>}
        {row.actorEmail ? <span className="block text-xs font-normal text-ink-muted">{row.actorEmail}</span> : null}
      </th>
      <td className={td}>
        <code className="font-mono text-xs">{row.action}</code>
      </td>
      <td className={td}>
        {entityLabel(row.entityType)}
        {row.entityId ? (
          <span className="block break-all font-mono text-xs">
            {href ? (
              <Link href={href} className="text-brand-700 underline">
                {row.targetUserEmail ?? row.entityId}
              </Link>
            ) : (
              row.entityId
            )}
          </span>
        ) : null}
        {/* A user is linked by its email; its id is shown too, as the other pages address users by id. */}
        {row.targetUserEmail && row.entityId ? <span className="block break-all font-mono text-xs text-ink-muted">{row.entityId}</span> : null}
      </td>
      <td className={`${td} font-mono text-xs`}>{row.ip ?? "—"}</td>
      <td className={td}>
        {changes.length === 0 ? (
          <span className="text-ink-muted">—</span>
        ) : (
          <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-1 text-xs">
            {changes.map((change) => (
              <div key={change.key} className="contents">
                <dt className="font-semibold">{change.key}</dt>
                <dd className="break-all">
                  {change.before !== null ? <del className="text-danger-700">{change.before}</del> : null}
                  {change.before !== null && change.after !== null ? <span aria-hidden="true"> → </span> : null}
                  {change.before !== null && change.after !== null ? <span className="sr-only"> changed to </span> : null}
                  {change.after !== null ? <ins className="text-success-700 no-underline">{change.after}</ins> : null}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </td>
    </tr>
  );
}
