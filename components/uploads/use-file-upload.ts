"use client";

import { useEffect, useRef, useState } from "react";
import { uploadProgress, type UploadProgress } from "@/lib/uploads/progress";
import { sendFile, type FileSending, type SendOutcome } from "./send-file";

export interface UploadInFlight {
  name: string;
  progress: UploadProgress;
}

/** One upload at a time with its progress, for a form's file field; leaving the page stops it. */
export function useFileUpload() {
  const [inFlight, setInFlight] = useState<UploadInFlight | null>(null);
  const sending = useRef<FileSending | null>(null);

  useEffect(() => () => sending.current?.cancel(), []);

  async function upload(url: string, file: File): Promise<SendOutcome> {
    const started = performance.now();
    setInFlight({ name: file.name, progress: uploadProgress(0, file.size, 0) });
    const current = sendFile(url, file, (loaded, total) =>
      setInFlight({ name: file.name, progress: uploadProgress(loaded, total, performance.now() - started) }),
    );
    sending.current = current;
    try {
      return await current.done;
    } finally {
      sending.current = null;
      setInFlight(null);
    }
  }

  return { inFlight, upload, cancel: () => sending.current?.cancel() };
}
