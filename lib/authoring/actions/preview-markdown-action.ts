"use server";

import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { renderMarkdown } from "@/lib/content/markdown";
import { costlyLimits } from "@/lib/security/costly-limits";
import { previewMarkdownSchema } from "../schemas";

// The lesson editor's Preview tab: rendered and sanitised by the same code as
// the student's page, so what the teacher sees is what students will get.
export const previewMarkdownAction = userAction({
  name: "authoring.previewMarkdown",
  schema: previewMarkdownSchema,
  authorize: (user) => can(user, "area.teacher"),
  // Reads nothing: no transaction to open.
  transaction: false,
  // Each preview renders and sanitises up to 20 kB: a typing author needs far fewer than the limit.
  rateLimit: costlyLimits.markdownPreview,
  run: async (input) => ({ html: renderMarkdown(input.source) }),
});
