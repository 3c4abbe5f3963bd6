import { child, childrenNamed, textContent } from "@/lib/question-formats/qti/xml-tree";
import type { ImportContext } from "./import-context";
import { fitMarkdown, titleOf } from "./module-place";
import type { OutlineEntry } from "./outline";
import { readDescriptor } from "./resource-files";
import { attachmentLinks, richText } from "./rich-text";

// A discussion topic (<topic><title/><text/><attachments/></topic>) becomes a
// thread of the course whose opening post is the topic's text, posted by the
// importer; its attachments are linked at the end of the post.

export async function importDiscussionTopic(context: ImportContext, entry: OutlineEntry) {
  const descriptor = await readDescriptor(context, entry.resource!, entry.where);
  if (!descriptor || !context.room("discussions")) return;
  const { root, path } = descriptor;
  const title = titleOf(entry.title, textContent(child(root, "title") ?? ""), "Discussion");
  const hrefs = childrenNamed(child(root, "attachments") ?? root, "attachment").map((attachment) => attachment.attrs.href ?? "").filter(Boolean);
  const body = [richText(context, child(root, "text"), path, entry.where), attachmentLinks(context, hrefs, path, entry.where)].filter(Boolean).join("\n\n");
  context.note("Discussions", "Discussion topics are in the course's discussions, not inside a module.");
  context.draft.discussions.push({
    id: context.ids.take("thread", entry.identifier),
    lessonId: null,
    title,
    pinned: false,
    locked: false,
    posts: [{ authorId: null, body: fitMarkdown(context, body || title, entry.where, 50_000), createdAt: null }],
  });
}
