import type { ReactNode } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { TableContainer } from "@/components/ui/table-container";
import type { SessionView } from "@/lib/sessions/queries";

const th = "px-4 py-3 font-semibold";
const td = "px-4 py-3 align-top";

/** Sessions that still count, most recently used first, with the caller's button on each row. */
export function SessionTable({ sessions, label, action }: { sessions: SessionView[]; label: string; action: (session: SessionView) => ReactNode }) {
  if (sessions.length === 0) return <p className="text-ink-muted">No active sessions.</p>;
  return (
    <TableContainer label={label}>
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
          <tr>
            <th scope="col" className={th}>Device</th>
            <th scope="col" className={th}>Address</th>
            <th scope="col" className={th}>Signed in</th>
            <th scope="col" className={th}>Last active</th>
            <th scope="col" className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id} className="border-b border-slate-100 last:border-0">
              <th scope="row" className={`${td} font-medium`}>
                <span title={session.userAgent ?? undefined}>{session.device}</span>
                {session.current ? (
                  <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">This device</span>
                ) : null}
              </th>
              <td className={`${td} break-all font-mono text-xs`}>{session.ip ?? "Unknown"}</td>
              <td className={td}>
                <LocalTime value={session.createdAt} />
              </td>
              <td className={td}>
                <LocalTime value={session.lastSeenAt} />
              </td>
              <td className={td}>{action(session)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
