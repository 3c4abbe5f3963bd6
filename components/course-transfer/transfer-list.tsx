import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { TransferView } from "@/lib/course-transfer/transfers/transfer-queries";
import { transferKindLabels } from "./transfer-labels";
import { TransferStatusBadge } from "./transfer-status-badge";

/** The user's recent copies and imports, newest first, each linking to its page. */
export function TransferList({ transfers }: { transfers: TransferView[] }) {
  return (
    <section aria-labelledby="recent-transfers" className="flex flex-col gap-3">
      <h2 id="recent-transfers" className="text-lg font-semibold">
        Your recent copies and imports
      </h2>
      {transfers.length === 0 ? (
        <p className="rounded-card border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-ink-muted">
          Nothing yet. Copies you make with “Copy course” and packages you upload here are listed with how they went.
        </p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100 rounded-card border border-slate-200 bg-white" aria-labelledby="recent-transfers">
          {transfers.map((transfer) => (
            <li key={transfer.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
              <div className="min-w-0">
                <Link href={`/teacher/transfers/${transfer.id}`} className="break-words font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
                  {transfer.title ?? transfer.label}
                </Link>
                <p className="break-words text-xs text-ink-muted">
                  {transferKindLabels[transfer.kind]}
                  {transfer.kind === "copy" ? ` of ${transfer.label}` : ` from ${transfer.label}`} · <LocalTime value={transfer.createdAt} />
                </p>
              </div>
              <div className="shrink-0">
                <TransferStatusBadge status={transfer.status} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
