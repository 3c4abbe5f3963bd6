import type { ManifestLesson } from "@/lib/course-transfer/manifest";
import { lessonPagePath } from "./package-paths";
import { resourceTypes, type CartridgeDocument, type CartridgeResource } from "./resources";
import { richTextHtml, type ReferenceTargets } from "./rich-text";

// A text lesson is a web page of the package: its Markdown rendered by the
// site's sanitiser (no script, no event handlers, no javascript: links), the
// title in <title> only, so an importer reading the body finds the lesson's
// text and nothing else.

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function lessonPage(title: string, bodyHtml: string): string {
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
</head>
<body>
${bodyHtml}
</body>
</html>
`;
}

export interface WebContent {
  resource: CartridgeResource;
  document: CartridgeDocument;
  missing: string[];
}

export function textLessonContent(lesson: ManifestLesson, identifier: string, targets: ReferenceTargets): WebContent {
  const path = lessonPagePath(identifier);
  const body = richTextHtml(lesson.body, targets);
  return {
    resource: { identifier, type: resourceTypes.webContent, href: path, files: [path], dependencies: body.dependencies },
    document: { path, content: lessonPage(lesson.title, body.html) },
    missing: body.missing,
  };
}
