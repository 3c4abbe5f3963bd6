"use server";

import { z } from "zod";
import { multiLineText } from "@/lib/text/one-line";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { renderMarkdown } from "@/lib/content/markdown";
import { costlyLimits } from "@/lib/security/costly-limits";

// The editor's live preview, rendered by the very function that renders the
// published page, so what the teacher sees is what students get. Rendering in
// the browser would ship sanitize-html with its HTML parser and PostCSS to
// every editor page for a preview that may differ from the server's.
export const previewMarkdownAction = userAction({
  name: "markdown.preview",
  schema: z.object({ source: multiLineText().max(50_000, "Too long to preview.") }),
  // Authors only: rendering is cheap, but nobody else needs it.
  authorize: (user) => can(user, "course.create"),
  // Nothing is read or written: no transaction to hold the embedded database's one connection.
  transaction: false,
  // Each preview renders and sanitises up to 20 kB: a typing author needs far fewer than the limit.
  rateLimit: costlyLimits.markdownPreview,
  run: async ({ source }) => ({ html: renderMarkdown(source) }),
});
