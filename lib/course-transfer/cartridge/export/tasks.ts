import type { ManifestTask, TransferNote } from "@/lib/course-transfer/manifest";
import { assignmentContent } from "./assignment";
import { topicContent } from "./discussion-topic";
import type { Identifiers } from "./identifiers";
import { assessmentContent, type QuestionSource } from "./qti12";
import type { CartridgeDocument, CartridgeResource } from "./resources";

// A learning task becomes the resource of its kind: a quiz an assessment, an
// assignment or project the assignment extension, a graded discussion a
// discussion topic (whose grading a topic cannot carry).

export interface TaskContent {
  resource: CartridgeResource | null;
  document: CartridgeDocument | null;
  notes: TransferNote[];
}

const missingNotes = (where: string, missing: readonly string[]): TransferNote[] =>
  missing.map((reference) => ({ where, message: `Its text refers to ${reference}, which the course does not hold; the link goes nowhere.` }));

function discussionContent(task: ManifestTask, identifier: string, source: QuestionSource): TaskContent {
  const where = `Discussion “${task.title}”`;
  const topic = topicContent(identifier, task.title, task.description, source.targets);
  const lost = [task.maxPoints !== null ? `its ${task.maxPoints} points` : null, task.dueAt ? `its due date (${task.dueAt})` : null].filter((part) => part !== null);
  const notes = lost.length > 0 ? [{ where, message: `A cartridge's discussion topic is not graded and has no place for ${lost.join(" or ")}; they are left out.` }] : [];
  return { resource: topic.resource, document: topic.document, notes: [...notes, ...missingNotes(where, topic.missing)] };
}

export function taskContent(task: ManifestTask, ids: Identifiers, source: QuestionSource): TaskContent {
  const identifier = ids.of(`task:${task.id}`, task.id);
  switch (task.type) {
    case "quiz":
      return assessmentContent(task, identifier, source);
    case "assignment":
    case "project": {
      const assignment = assignmentContent(task, identifier, source.targets);
      return { resource: assignment.resource, document: assignment.document, notes: [...assignment.notes, ...missingNotes(`Assignment “${task.title}”`, assignment.missing)] };
    }
    case "discussion":
      return discussionContent(task, identifier, source);
  }
}
