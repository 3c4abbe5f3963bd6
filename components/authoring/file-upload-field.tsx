"use client";

import { useId, useState, type ChangeEvent } from "react";
import { UploadProgressLine } from "@/components/uploads/upload-progress";
import { useFileUpload, type UploadedFile } from "@/components/uploads/use-file-upload";
import { formatBytes } from "@/lib/format";

export type { UploadedFile };

/** What the field says once an upload is over; while one goes, the upload itself says so. */
type Status = { kind: "idle" } | { kind: "cancelled"; name: string } | { kind: "error"; message: string };

const accepted: Record<"document" | "video", string | undefined> = {
  // Documents are many kinds; the server checks each by its content.
  document: undefined,
  video: "video/mp4,video/webm,.mp4,.webm",
};

/**
 * Uploads one file to the storage route (POST /api/uploads, the raw file as
 * the body) and hands its id to the form through `onChange` and a hidden
 * `fileId` field. The server checks type and size by the content; this only
 * reports what it answers.
 */
export function FileUploadField({
  courseId,
  kind,
  label,
  file,
  error,
  onChange,
  onBusyChange,
}: {
  courseId: string;
  kind: "document" | "video";
  label: string;
  /** The file the lesson has now (uploaded earlier or just now). */
  file: UploadedFile | null;
  error?: string;
  onChange: (file: UploadedFile | null) => void;
  /** Told when an upload starts and ends, so the form waits for the file before saving. */
  onBusyChange?: (busy: boolean) => void;
}) {
  const inputId = useId();
  const statusId = `${inputId}-status`;
  const errorId = `${inputId}-error`;
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const sender = useFileUpload();

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = "";
    if (!chosen) return;
    setStatus({ kind: "idle" });
    onBusyChange?.(true);
    const params = new URLSearchParams({ courseId, kind, name: chosen.name });
    try {
      const outcome = await sender.upload(`/api/uploads?${params}`, chosen);
      if (outcome.kind === "cancelled") return setStatus({ kind: "cancelled", name: chosen.name });
      if (outcome.kind === "network_error") {
        return setStatus({ kind: "error", message: "The upload did not reach the server. Check your connection and try again." });
      }
      if (outcome.kind === "refused") {
        return setStatus({ kind: "error", message: outcome.error ?? `The upload failed (error ${outcome.status}). Try again.` });
      }
      onChange(outcome.file);
    } finally {
      onBusyChange?.(false);
    }
  };

  const shownError = status.kind === "error" ? status.message : error;
  return (
    <div>
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={inputId}
        type="file"
        accept={accepted[kind]}
        disabled={sender.inFlight !== null}
        onChange={upload}
        aria-describedby={[statusId, shownError ? errorId : ""].filter(Boolean).join(" ")}
        aria-invalid={shownError ? true : undefined}
        className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
      />
      <input type="hidden" name="fileId" value={file?.id ?? ""} />
      <div id={statusId} role="status" className="mt-1 flex flex-wrap items-center gap-2 text-sm text-ink-muted">
        {sender.inFlight ? (
          // Said once; the bar below shows how far it has got without announcing each step.
          <span>Uploading {sender.inFlight.name}…</span>
        ) : status.kind === "cancelled" ? (
          <span>Upload of {status.name} cancelled{file ? `; the lesson keeps ${file.name}` : ""}.</span>
        ) : file ? (
          <>
            <span>
              Current file: <span className="font-medium text-ink">{file.name}</span> ({formatBytes(file.sizeBytes)})
            </span>
            <button type="button" onClick={() => onChange(null)} className="text-danger-700 underline">
              Remove file<span className="sr-only"> {file.name}</span>
            </button>
          </>
        ) : (
          <span>No file yet.</span>
        )}
      </div>
      {sender.inFlight ? <UploadProgressLine name={sender.inFlight.name} progress={sender.inFlight.progress} onCancel={sender.cancel} /> : null}
      {shownError ? (
        <p id={errorId} className="mt-1 text-sm text-danger-700">
          {shownError}
        </p>
      ) : null}
    </div>
  );
}
