import { htmlToMarkdown } from "@/lib/question-formats/html-to-markdown";
import { decodeXmlEntities } from "@/lib/question-formats/moodle-xml/xml-tree";
import { extensionOf, fileNameOf, isPagePath } from "./cartridge-paths";
import { rewriteHtml } from "./html-references";
import type { ImportContext } from "./import-context";
import { isVideoExtension } from "./media-types";
import { addLesson, fitMarkdown, titleOf, type ModulePlace } from "./module-place";
import type { OutlineEntry } from "./outline";
import { locateResource, resourcePath } from "./resource-files";

// Web content: an HTML page becomes a text lesson (its HTML as Markdown, its
// images and documents carried as the course's files, its links to other
// pages turned into links to their lessons); any other file becomes a file
// lesson, or a video lesson for a video.

/** The page an entry shows, when it is web content whose file is an HTML page of the package. */
export function pageOf(context: ImportContext, entry: OutlineEntry): string | null {
  if (!entry.resource) return null;
  const located = locateResource(context, entry.resource);
  return located?.kind === "found" && isPagePath(located.path) ? located.path : null;
}

const pageTitle = (html: string) => decodeXmlEntities((/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? "").replace(/<[^>]*>/g, "").replace(/&nbsp;/g, " "));

export async function importWebContent(context: ImportContext, entry: OutlineEntry, place: ModulePlace, pageLessonId: string | undefined) {
  const path = resourcePath(context, entry.resource!, entry.where);
  if (!path) return;
  if (isPagePath(path) && pageLessonId) {
    const html = await context.readText(path, entry.where);
    // The lesson is made even when its page cannot be read: other pages' links already point to it.
    const body = html === null ? "" : fitMarkdown(context, htmlToMarkdown(rewriteHtml(context, html, { fromPath: path, role: "content", where: entry.where })), entry.where);
    addLesson(context, place, pageLessonId, { title: titleOf(entry.title, html ? pageTitle(html) : "", fileNameOf(path)), contentType: "text", body });
    return;
  }
  const fileId = context.fileFor(path, "lesson");
  if (!fileId) return;
  const video = isVideoExtension(extensionOf(path));
  addLesson(context, place, context.ids.take("lesson", entry.identifier), { title: titleOf(entry.title, fileNameOf(path)), contentType: video ? "video" : "file", fileId });
}
