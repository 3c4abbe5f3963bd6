import { cleanOneLine } from "@/lib/text/one-line";
import type { ManifestLesson } from "../../manifest";
import type { ImportContext } from "./import-context";

// A module being filled: its lessons take positions 0..n-1 in outline order.

export class ModulePlace {
  private position = 0;

  constructor(readonly moduleId: string) {}

  nextPosition(): number {
    return this.position++;
  }
}

/** A title as the document keeps one: one clean line of at most 200 characters, else the fallback. */
export const titleOf = (...candidates: (string | null | undefined)[]): string => {
  for (const candidate of candidates) {
    const title = cleanOneLine(candidate ?? "").slice(0, 200).trim();
    if (title) return title;
  }
  return "Untitled";
};

/** Markdown that fits the document (200,000 characters; a post 50,000), with a note when it was cut. */
export function fitMarkdown(context: ImportContext, markdown: string, where: string, max = 200_000): string {
  if (markdown.length <= max) return markdown;
  context.note(where, `The text is longer than ${max} characters; the rest was cut off.`);
  return markdown.slice(0, max);
}

type LessonFields = Pick<ManifestLesson, "title" | "contentType"> & Partial<Pick<ManifestLesson, "body" | "externalUrl" | "fileId">>;

/** Adds a lesson at the module's next position; false when the document is full. */
export function addLesson(context: ImportContext, place: ModulePlace, id: string, lesson: LessonFields): boolean {
  if (!context.room("lessons")) return false;
  context.draft.lessons.push({
    id,
    moduleId: place.moduleId,
    title: lesson.title,
    contentType: lesson.contentType,
    body: lesson.body ?? "",
    externalUrl: lesson.externalUrl ?? null,
    fileId: lesson.fileId ?? null,
    durationMinutes: null,
    position: place.nextPosition(),
  });
  return true;
}
