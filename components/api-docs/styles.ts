// Shared looks of the API page's pieces.

/** Code spans inside rendered Markdown or our own text. */
export const inlineCode = "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.9em] [&_code]:[overflow-wrap:anywhere]";

/** A block of code or JSON that wraps instead of widening the page (a scrolling block would need its own keyboard focus). */
export const codeBlock =
  "whitespace-pre-wrap rounded-card bg-slate-900 p-4 font-mono text-sm leading-6 text-slate-50 [overflow-wrap:anywhere]";

export const methodStyles: Record<string, string> = {
  GET: "bg-brand-50 text-brand-800",
  POST: "bg-success-50 text-success-700",
  PUT: "bg-warning-50 text-warning-800",
  DELETE: "bg-danger-50 text-danger-700",
};
