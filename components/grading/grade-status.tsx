import type { SubmissionGradeStatus } from "@/db/schema/enums";

const labels: Record<SubmissionGradeStatus, { text: string; style: string }> = {
  ungraded: { text: "Needs grading", style: "bg-warning-50 text-warning-800" },
  draft: { text: "Draft grade", style: "bg-brand-50 text-brand-800" },
  released: { text: "Released", style: "bg-success-50 text-success-700" },
  returned: { text: "Returned", style: "bg-slate-100 text-ink-muted" },
};

/** A hand-in's grading state in words, never by colour alone. */
export function GradeStatus({ status }: { status: SubmissionGradeStatus }) {
  const { text, style } = labels[status];
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${style}`}>{text}</span>;
}

export function LateMark({ isLate, daysLate }: { isLate: boolean; daysLate: number }) {
  if (!isLate) return null;
  return (
    <span className="inline-block rounded-full bg-danger-50 px-2 py-0.5 text-xs font-semibold text-danger-700">
      Late · {daysLate} day{daysLate === 1 ? "" : "s"}
    </span>
  );
}
