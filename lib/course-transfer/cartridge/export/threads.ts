import type { ManifestThread, TransferNote } from "@/lib/course-transfer/manifest";
import { topicContent } from "./discussion-topic";
import type { Identifiers } from "./identifiers";
import type { CartridgeDocument, CartridgeResource } from "./resources";
import type { ReferenceTargets } from "./rich-text";

// A course discussion thread is a discussion topic opened by its first post.
// A cartridge is a course to teach again, not a record of who said what, so
// the replies stay behind; threads are resources outside the outline, as
// Canvas exports its course discussions.

export function threadContent(thread: ManifestThread, ids: Identifiers, targets: ReferenceTargets): { resource: CartridgeResource; document: CartridgeDocument; notes: TransferNote[] } {
  const where = `Discussion “${thread.title}”`;
  const [opening, ...replies] = thread.posts;
  const topic = topicContent(ids.of(`thread:${thread.id}`, thread.id), thread.title, opening?.body ?? "", targets);
  const notes: TransferNote[] = topic.missing.map((reference) => ({ where, message: `Its text refers to ${reference}, which the course does not hold; the link goes nowhere.` }));
  if (replies.length > 0) notes.push({ where, message: `Its ${replies.length} repl${replies.length === 1 ? "y is" : "ies are"} not part of a cartridge; only the opening post is written.` });
  const lost = [thread.pinned ? "pinned" : null, thread.locked ? "locked" : null, thread.lessonId !== null ? "about a lesson" : null].filter((part) => part !== null);
  if (lost.length > 0) notes.push({ where, message: `A cartridge's discussion topic can't say that it is ${lost.join(", ")}.` });
  return { resource: topic.resource, document: topic.document, notes };
}
