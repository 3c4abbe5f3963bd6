import { ProgressBar } from "@/components/ui/progress-bar";
import type { TransferView } from "@/lib/course-transfer/transfers/transfer-queries";
import { progressPercent, progressText } from "./transfer-labels";
import { TransferRefresher } from "./transfer-refresher";

/** How far a queued or running copy or import has got; the page reloads itself until it is over. */
export function TransferProgress({ transfer }: { transfer: TransferView }) {
  const what = transfer.kind === "copy" ? "Copy" : "Import";
  return (
    <section aria-labelledby="transfer-progress" className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="transfer-progress" className="text-lg font-semibold">
        Progress
      </h2>
      <ProgressBar percent={progressPercent(transfer)} label={`${what} progress`} />
      <p aria-live="polite" className="text-sm">
        {progressText(transfer)}
      </p>
      <p className="text-sm text-ink-muted">
        It runs on the server: you may leave this page, and you are notified when the course is ready.
      </p>
      <TransferRefresher />
    </section>
  );
}
