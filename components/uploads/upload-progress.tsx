"use client";

import { ProgressBar } from "@/components/ui/progress-bar";
import type { UploadProgress } from "@/lib/uploads/progress";

/**
 * One file on its way: a bar, the bytes sent of the total and the time left,
 * and a button that stops it. The text is in a polite live region by the
 * caller's choice; the bar itself is not announced on every step.
 */
export function UploadProgressLine({ name, progress, onCancel }: { name: string; progress: UploadProgress; onCancel: () => void }) {
  return (
    <div className="mt-2 flex flex-col gap-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="min-w-0 break-all font-medium">Uploading {name}</span>
        <button type="button" onClick={onCancel} className="font-semibold text-danger-700 underline">
          Cancel upload<span className="sr-only"> of {name}</span>
        </button>
      </div>
      <ProgressBar percent={progress.percent} label={`Upload of ${name}`} />
      <span className="text-ink-muted">
        {progress.percent} % · {progress.sent}
        {progress.timeLeft ? ` · ${progress.timeLeft}` : ""}
      </span>
    </div>
  );
}
