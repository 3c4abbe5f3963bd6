import { useEffect, useRef, useState } from "react";
import { previewMarkdownAction } from "@/lib/content/actions/preview-markdown-action";

export const previewDelayMs = 300;

export interface PreviewState {
  html: string;
  error: string | null;
}

/**
 * Sanitised HTML for `source`, rendered on the server once typing pauses for
 * 300 ms. Answers that come back out of order are dropped, so a slow render of
 * older text never replaces a newer one.
 */
export function useMarkdownPreview(source: string, initialHtml: string): PreviewState {
  const [state, setState] = useState<PreviewState>({ html: initialHtml, error: null });
  const rendered = useRef(source);
  const latestRequest = useRef(0);

  useEffect(() => {
    if (source === rendered.current) return;
    const timer = setTimeout(async () => {
      const request = ++latestRequest.current;
      const result = source.trim() === "" ? { ok: true as const, data: { html: "" } } : await previewMarkdownAction({ source });
      if (request !== latestRequest.current) return;
      rendered.current = source;
      setState(result.ok ? { html: result.data.html, error: null } : { html: "", error: result.error });
    }, previewDelayMs);
    return () => clearTimeout(timer);
  }, [source]);

  return state;
}
