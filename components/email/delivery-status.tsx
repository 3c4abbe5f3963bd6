const styles: Record<string, string> = {
  pending: "bg-warning-50 text-warning-800",
  digest: "bg-brand-50 text-brand-800",
  sending: "bg-warning-50 text-warning-800",
  sent: "bg-success-50 text-success-700",
  failed: "bg-danger-50 text-danger-700",
};

const labels: Record<string, string> = { pending: "Queued", digest: "Waiting for digest", sending: "Sending", sent: "Sent", failed: "Failed" };

/** An email delivery's status as a coloured label. */
export function DeliveryStatus({ status }: { status: string }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${styles[status] ?? "bg-slate-100"}`}>{labels[status] ?? status}</span>;
}

export const deliveryStatusLabels = labels;
