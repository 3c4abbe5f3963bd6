import type { ReactNode } from "react";

/**
 * Lets a wide table scroll sideways on a phone. Focusable and labelled, so the
 * scrolling region can be reached and scrolled with the keyboard too.
 */
export function TableContainer({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded-card border border-slate-200 bg-white shadow-sm"
    >
      {children}
    </div>
  );
}
