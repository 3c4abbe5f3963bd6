import { child, textContent } from "@/lib/question-formats/qti/xml-tree";
import type { ImportContext } from "./import-context";
import { addLesson, titleOf, type ModulePlace } from "./module-place";
import type { OutlineEntry } from "./outline";
import { readDescriptor } from "./resource-files";

// A web link (<webLink><title/><url href/></webLink>) becomes a link lesson;
// only web addresses are kept.

export const isWebAddress = (url: string) => /^https?:\/\/[^/\\\s]/i.test(url.trim());

export async function importWebLink(context: ImportContext, entry: OutlineEntry, place: ModulePlace) {
  const descriptor = await readDescriptor(context, entry.resource!, entry.where);
  if (!descriptor) return;
  const url = (child(descriptor.root, "url")?.attrs.href ?? "").trim();
  if (!isWebAddress(url) || url.length > 2000) {
    context.note(entry.where, url ? `The link ${url.slice(0, 200)} is not a web address (http or https) of at most 2000 characters; it was left out.` : "The web link has no address; it was left out.");
    return;
  }
  const title = titleOf(entry.title, textContent(child(descriptor.root, "title") ?? ""), url);
  addLesson(context, place, context.ids.take("lesson", entry.identifier), { title, contentType: "url", externalUrl: url });
}
