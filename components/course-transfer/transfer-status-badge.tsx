import type { TransferView } from "@/lib/course-transfer/transfers/transfer-queries";
import { transferStatusLabels } from "./transfer-labels";

const styles: Record<TransferView["status"], string> = {
  uploaded: "bg-warning-50 text-warning-800",
  queued: "bg-slate-100 text-ink",
  running: "bg-brand-50 text-brand-800",
  done: "bg-success-50 text-success-700",
  failed: "bg-danger-50 text-danger-700",
};

export function TransferStatusBadge({ status }: { status: TransferView["status"] }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${styles[status]}`}>{transferStatusLabels[status]}</span>;
}
