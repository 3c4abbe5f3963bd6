import type { PortableQuestion } from "../portable-question";
import { writeCategoryLine } from "./category-path";
import { writeTagsComment } from "./question-tags";
import { writeQuestion } from "./write-question";

// Writes questions as a GIFT file Moodle imports: a `$CATEGORY:` block
// whenever the category changes, each question's tags in the comment line
// above it, blocks separated by a blank line. What GIFT cannot hold (an
// ordering question, a cloze with several gaps…) is skipped and said, so the
// caller can tell the teacher. GIFT has no points: Moodle gives each question
// its default mark, 1.

export interface GiftExport {
  text: string;
  /** The questions left out, by their index in the input, and why. */
  skipped: { index: number; reason: string }[];
}

const samePath = (a: string[], b: string[]) => a.length === b.length && a.every((part, index) => part === b[index]);

export function exportGift(questions: PortableQuestion[]): GiftExport {
  const blocks: string[] = [];
  const skipped: GiftExport["skipped"] = [];
  // An import starts in the category it is imported into, which is what [] means.
  let category: string[] = [];
  questions.forEach((question, index) => {
    const written = writeQuestion(question);
    if (!written.ok) {
      skipped.push({ index, reason: written.message });
      return;
    }
    if (!samePath(category, question.category)) {
      blocks.push(writeCategoryLine(question.category));
      category = question.category;
    }
    const tags = writeTagsComment(question.tags);
    blocks.push(tags ? `${tags}\n${written.value}` : written.value);
  });
  return { text: blocks.length > 0 ? `${blocks.join("\n\n")}\n` : "", skipped };
}
