import { isHttpsUrl } from "@/lib/content/safe-url";
import { plainToMarkdown } from "@/lib/question-formats/html-to-markdown";
import { child, textContent } from "@/lib/question-formats/qti/xml-tree";
import type { ImportContext } from "./import-context";
import { addLesson, titleOf, type ModulePlace } from "./module-place";
import type { OutlineEntry } from "./outline";
import { readDescriptor } from "./resource-files";

// An LTI link (<cartridge_basiclti_link>) needs a tool launch, which this site
// does not make: a secure launch address becomes a plain link lesson instead.

export async function importLtiLink(context: ImportContext, entry: OutlineEntry, place: ModulePlace) {
  const descriptor = await readDescriptor(context, entry.resource!, entry.where);
  if (!descriptor) return;
  const { root } = descriptor;
  const url = [child(root, "secure_launch_url"), child(root, "launch_url")].map((element) => textContent(element ?? "").trim()).find((candidate) => isHttpsUrl(candidate) && candidate.length <= 2000);
  if (!url) {
    context.note(entry.where, "LTI tool launches are not supported, and the link has no https address to show instead; it was left out.");
    return;
  }
  const description = textContent(child(root, "description") ?? "").trim();
  addLesson(context, place, context.ids.take("lesson", entry.identifier), {
    title: titleOf(entry.title, textContent(child(root, "title") ?? ""), url),
    contentType: "url",
    externalUrl: url,
    body: description ? plainToMarkdown(description).slice(0, 200_000) : "",
  });
  context.note(entry.where, "LTI tool launches are not supported; students get a plain link.");
}
