import { child, childrenNamed, textContent } from "@/lib/question-formats/qti/xml-tree";
import type { ImportContext } from "./import-context";
import { fitMarkdown, titleOf } from "./module-place";
import type { OutlineEntry } from "./outline";
import type { CartridgeResource } from "./read-manifest";
import { readDescriptor } from "./resource-files";
import { attachmentLinks, richText } from "./rich-text";

// A discussion topic (<topic><title/><text/><attachments/></topic>) becomes a
// thread of the course whose opening post is the topic's text, posted by the
// importer; its attachments are linked at the end of the post. A topic of the
// outline loses its place in the module (threads belong to the course); one
// outside the outline is a course discussion already (Canvas exports them so,
// as does this site) and loses nothing.

async function addThread(context: ImportContext, resource: CartridgeResource, preferredId: string | null, outlineTitle: string, where: string): Promise<boolean> {
  const descriptor = await readDescriptor(context, resource, where);
  if (!descriptor || !context.room("discussions")) return false;
  const { root, path } = descriptor;
  const title = titleOf(outlineTitle, textContent(child(root, "title") ?? ""), "Discussion");
  const hrefs = childrenNamed(child(root, "attachments") ?? root, "attachment").map((attachment) => attachment.attrs.href ?? "").filter(Boolean);
  const body = [richText(context, child(root, "text"), path, where), attachmentLinks(context, hrefs, path, where)].filter(Boolean).join("\n\n");
  context.draft.discussions.push({
    id: context.ids.take("thread", preferredId),
    lessonId: null,
    title,
    pinned: false,
    locked: false,
    posts: [{ authorId: null, body: fitMarkdown(context, body || title, where, 50_000), createdAt: null }],
  });
  return true;
}

/** A topic placed in the outline. */
export async function importDiscussionTopic(context: ImportContext, entry: OutlineEntry) {
  if (await addThread(context, entry.resource!, entry.identifier, entry.title, entry.where)) {
    context.note("Discussions", "Discussion topics are in the course's discussions, not inside a module.");
  }
}

/** A topic the outline does not name: a discussion of the course as a whole. */
export async function importCourseTopic(context: ImportContext, resource: CartridgeResource) {
  await addThread(context, resource, resource.identifier, "", `${resource.href ?? resource.identifier} (${resource.type || "no type"})`);
}
