import { attemptStateLabels, type AttemptState } from "@/lib/quizzes/results-params";

const styles: Record<AttemptState, string> = {
  in_progress: "bg-brand-50 text-brand-800",
  closing: "bg-warning-50 text-warning-800",
  submitted: "bg-success-50 text-success-700",
  expired: "bg-slate-100 text-ink-muted",
};

export function AttemptStateBadge({ state }: { state: AttemptState }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${styles[state]}`}>
      {attemptStateLabels[state]}
    </span>
  );
}
