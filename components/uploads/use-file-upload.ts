"use client";

import { useEffect, useRef, useState } from "react";
import { uploadProgress, type UploadProgress } from "@/lib/uploads/progress";
import { sendFile, type FileSending, type SendOutcome } from "./send-file";

/** A file the upload routes stored, as they answer it (201 { id, name, sizeBytes, mimeType }). */
export interface UploadedFile {
  id: string;
  name: string;
  sizeBytes: number;
}

export type FileUploadOutcome =
  | { kind: "uploaded"; file: UploadedFile }
  /** The route said no: `error` is its sentence, null when it sent none. */
  | { kind: "refused"; status: number; error: string | null }
  | { kind: "cancelled" }
  | { kind: "network_error" };

/** The route's answer read as one of the outcomes a form tells apart. */
function outcomeOf(sent: SendOutcome, file: File): FileUploadOutcome {
  if (sent.kind !== "answered") return sent;
  const { status, body } = sent.answer;
  if (status !== 201 || typeof body?.id !== "string") {
    return { kind: "refused", status, error: typeof body?.error === "string" ? body.error : null };
  }
  return {
    kind: "uploaded",
    file: {
      id: body.id,
      name: typeof body.name === "string" ? body.name : file.name,
      sizeBytes: typeof body.sizeBytes === "number" ? body.sizeBytes : file.size,
    },
  };
}

export interface UploadInFlight {
  name: string;
  progress: UploadProgress;
}

/** One upload at a time with its progress, for a form's file field; leaving the page stops it. */
export function useFileUpload() {
  const [inFlight, setInFlight] = useState<UploadInFlight | null>(null);
  const sending = useRef<FileSending | null>(null);

  useEffect(() => () => sending.current?.cancel(), []);

  async function upload(url: string, file: File): Promise<FileUploadOutcome> {
    const started = performance.now();
    setInFlight({ name: file.name, progress: uploadProgress(0, file.size, 0) });
    const current = sendFile(url, file, (loaded, total) =>
      setInFlight({ name: file.name, progress: uploadProgress(loaded, total, performance.now() - started) }),
    );
    sending.current = current;
    try {
      return outcomeOf(await current.done, file);
    } finally {
      sending.current = null;
      setInFlight(null);
    }
  }

  return { inFlight, upload, cancel: () => sending.current?.cancel() };
}
