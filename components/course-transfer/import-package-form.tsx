"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldControlClass } from "@/components/ui/labelled-field";
import { UploadProgressLine } from "@/components/uploads/upload-progress";
import { useFileUpload } from "@/components/uploads/use-file-upload";

/** What the form says once an upload is over; while one goes, the progress line says so. */
type Status = { kind: "idle" } | { kind: "cancelled"; name: string } | { kind: "error"; message: string } | { kind: "reading"; name: string };

interface ImportPackageFormProps {
  maxBytes: number;
  /** The same limit as people read it: "4096 MB". */
  maxSize: string;
}

/**
 * Sends a course backup or a Common Cartridge to POST /api/course-imports (the
 * raw file as the body), with its progress, then opens the import's page,
 * where its preview waits for confirmation. The server checks the package;
 * this only reports what it answers.
 */
export function ImportPackageForm({ maxBytes, maxSize }: ImportPackageFormProps) {
  const router = useRouter();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const sender = useFileUpload();

  async function send() {
    if (!file) return setStatus({ kind: "error", message: "Choose the course package to upload." });
    if (file.size > maxBytes) return setStatus({ kind: "error", message: `The package is larger than ${maxSize}, the most an import takes.` });
    setStatus({ kind: "idle" });
    const outcome = await sender.upload(`/api/course-imports?${new URLSearchParams({ name: file.name })}`, file);
    if (outcome.kind === "cancelled") return setStatus({ kind: "cancelled", name: file.name });
    if (outcome.kind === "network_error") {
      return setStatus({ kind: "error", message: "The upload did not reach the server. Check your connection and try again." });
    }
    if (outcome.kind === "refused") {
      return setStatus({ kind: "error", message: outcome.error ?? `The upload failed (error ${outcome.status}). Try again.` });
    }
    // Kept until the next page has loaded, so the form cannot send the same file twice.
    setStatus({ kind: "reading", name: outcome.file.name });
    router.push(`/teacher/transfers/${outcome.file.id}`);
  }

  const error = status.kind === "error" ? status.message : null;
  const busy = sender.inFlight !== null || status.kind === "reading";
  return (
    <form
      method="post"
      noValidate
      aria-label="Upload a course package"
      className="flex flex-col gap-4 rounded-card border border-slate-200 bg-white p-5 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <div>
        <label htmlFor={inputId} className="mb-1 block text-sm font-medium">
          Course package
        </label>
        <input
          id={inputId}
          type="file"
          accept=".zip,.imscc"
          disabled={busy}
          aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setStatus({ kind: "idle" });
          }}
          className={`${fieldControlClass(error ?? undefined)} text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium`}
        />
        <p id={hintId} className="mt-1 text-sm text-ink-muted">
          A Jeevi Academy backup (.zip), or an IMS Common Cartridge 1.1 to 1.3 (.imscc or .zip) exported from Moodle, Canvas, Sakai or Open edX. Up
          to {maxSize}. Nothing is imported until you have seen what it holds.
        </p>
        {error ? (
          <p id={errorId} className="mt-1 text-sm text-danger-700">
            {error}
          </p>
        ) : null}
      </div>
      <div role="status" className="text-sm text-ink-muted">
        {sender.inFlight
          ? sender.inFlight.progress.percent === 100
            ? `Checking ${sender.inFlight.name}…`
            : `Uploading ${sender.inFlight.name}…`
          : status.kind === "reading"
            ? `${status.name} is uploaded. Opening its preview…`
            : status.kind === "cancelled"
              ? `Upload of ${status.name} cancelled. Nothing was kept.`
              : ""}
      </div>
      {sender.inFlight ? <UploadProgressLine name={sender.inFlight.name} progress={sender.inFlight.progress} onCancel={sender.cancel} /> : null}
      <div>
        <Button type="submit" disabled={busy}>
          {sender.inFlight ? "Uploading…" : "Upload and preview"}
        </Button>
      </div>
    </form>
  );
}
