const styles: Record<string, string> = {
  published: "bg-success-50 text-success-700",
  completed: "bg-success-50 text-success-700",
  active: "bg-brand-50 text-brand-800",
  draft: "bg-warning-50 text-warning-800",
  archived: "bg-slate-100 text-ink-muted",
  dropped: "bg-slate-100 text-ink-muted",
  suspended: "bg-danger-50 text-danger-700",
  inactive: "bg-danger-50 text-danger-700",
  deactivated: "bg-danger-50 text-danger-700",
  invited: "bg-warning-50 text-warning-800",
  anonymised: "bg-slate-100 text-ink-muted",
  expired: "bg-slate-100 text-ink-muted",
  revoked: "bg-danger-50 text-danger-700",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${styles[status] ?? "bg-slate-100"}`}>
      {status.charAt(0).toUpperCase() + status.slice(1)}
    </span>
  );
}
