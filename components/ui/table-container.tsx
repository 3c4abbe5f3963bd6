import type { ReactNode } from "react";

/**
 * Lets a wide table scroll sideways on a phone. Focusable and labelled, so the
 * scrolling region can be reached and scrolled with the keyboard too.
 * `relative` matters: visually hidden text (`sr-only` is absolutely
 * positioned) in a far column otherwise takes the page as its containing
 * block, escapes the scrolling region and widens the whole page on a phone.
 */
export function TableContainer({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="relative overflow-x-auto rounded-card border border-slate-200 bg-white shadow-sm"
    >
      {children}
    </div>
  );
}
