"use client";

// fetch() reports nothing while a request body is sent, so uploads go through
// XMLHttpRequest, whose upload events say how many bytes have left the browser.

export interface SentFile {
  status: number;
  /** The route's JSON answer, or null when it sent none. */
  body: Record<string, unknown> | null;
}

export type SendOutcome = { kind: "answered"; answer: SentFile } | { kind: "cancelled" } | { kind: "network_error" };

export interface FileSending {
  done: Promise<SendOutcome>;
  cancel(): void;
}

/** POSTs `file` as the raw body to `url`; `onProgress` hears the bytes sent so far. */
export function sendFile(url: string, file: Blob, onProgress: (loaded: number, total: number) => void): FileSending {
  const request = new XMLHttpRequest();
  const done = new Promise<SendOutcome>((resolve) => {
    request.upload.addEventListener("progress", (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size));
    request.addEventListener("load", () => {
      let body: Record<string, unknown> | null = null;
      try {
        body = JSON.parse(request.responseText) as Record<string, unknown>;
      } catch {
        body = null;
      }
      resolve({ kind: "answered", answer: { status: request.status, body } });
    });
    request.addEventListener("abort", () => resolve({ kind: "cancelled" }));
    request.addEventListener("error", () => resolve({ kind: "network_error" }));
    request.open("POST", url);
    request.send(file);
  });
  return { done, cancel: () => request.abort() };
}
