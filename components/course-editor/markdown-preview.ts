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
    if (source === rendered.current) {
      // Back to the text on show (an undo, say): an answer still on its way is for older text.
      latestRequest.current++;
      return;
    }
    const timer = setTimeout(async () => {
      const request = ++latestRequest.current;
      let next: PreviewState;
      try {
        const result = source.trim() === "" ? { ok: true as const, data: { html: "" } } : await previewMarkdownAction({ source });
        next = result.ok ? { html: result.data.html, error: null } : { html: "", error: result.error };
      } catch {
        // Offline or the server restarting: the text is safe in the form, only the preview waits.
        next = { html: "", error: "The preview is unavailable right now; your text is kept." };
      }
      if (request !== latestRequest.current) return;
      rendered.current = source;
      setState(next);
    }, previewDelayMs);
    return () => clearTimeout(timer);
  }, [source]);

  return state;
}
