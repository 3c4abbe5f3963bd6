import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableContainer } from "@/components/ui/table-container";
import { apiTokenStatus } from "@/lib/api/token-schemas";
import type { ApiTokenView } from "@/lib/api/tokens";
import { RevokeApiTokenButton } from "./revoke-api-token-button";

const th = "px-4 py-3 font-semibold";
const td = "px-4 py-3 align-top";

function When({ value, none }: { value: Date | null; none: string }) {
  return value ? <LocalTime value={value} /> : <span className="text-ink-muted">{none}</span>;
}

/** The user's tokens, newest first, with a Revoke button on each active one. Never the tokens themselves. */
export function ApiTokenTable({ tokens, now }: { tokens: ApiTokenView[]; now: Date }) {
  if (tokens.length === 0) return <p className="text-ink-muted">You have no tokens yet.</p>;
  return (
    <TableContainer label="Your API tokens">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
          <tr>
            <th scope="col" className={th}>Name</th>
            <th scope="col" className={th}>Token</th>
            <th scope="col" className={th}>Created</th>
            <th scope="col" className={th}>Expires</th>
            <th scope="col" className={th}>Last used</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const status = apiTokenStatus(token, now);
            return (
              <tr key={token.id} className="border-b border-slate-100 last:border-0">
                <th scope="row" className={`${td} break-words font-medium`}>
                  {token.name}
                </th>
                <td className={`${td} whitespace-nowrap font-mono text-xs`}>{token.hint}</td>
                <td className={td}>
                  <LocalTime value={token.createdAt} />
                </td>
                <td className={td}>
                  <When value={token.expiresAt} none="Never" />
                </td>
                <td className={td}>
                  <When value={token.lastUsedAt} none="Never used" />
                </td>
                <td className={td}>
                  <StatusBadge status={status} />
                </td>
                <td className={td}>{status === "active" ? <RevokeApiTokenButton tokenId={token.id} name={token.name} /> : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableContainer>
  );
}
