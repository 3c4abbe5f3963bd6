import { importLimits, type ImportProblem, type ImportResult, type PortableQuestion } from "../portable-question";
import { categoryPrefix, readCategoryLine } from "./category-path";
import { parseQuestion } from "./parse-question";
import { readTags } from "./question-tags";
import { splitBlocks, type GiftLine } from "./split-blocks";
import { questionSourceChars, refusedAsTooLong, tooLongToImport, tooManyQuestionsMessage } from "./text-limits";

// Reads a GIFT file (Moodle's text format for questions) into portable
// questions. Each block that cannot be read becomes a problem at the line the
// question starts on, and reading goes on with the next block: one typo must
// not cost the teacher the other hundred questions. Never throws.

/** A `$CATEGORY:` line opens its block; Moodle wants it alone, but a question right under it is read too. */
function takeCategory(lines: GiftLine[]): { category: string[] | null; rest: GiftLine[] } {
  const first = lines[0];
  if (!first?.text.startsWith(categoryPrefix)) return { category: null, rest: lines };
  return { category: readCategoryLine(first.text), rest: lines.slice(1) };
}

export function parseGift(text: string): ImportResult {
  if (tooLongToImport(text)) return refusedAsTooLong();
  const questions: PortableQuestion[] = [];
  const problems: ImportProblem[] = [];
  try {
    let category: string[] = [];
    for (const block of splitBlocks(text)) {
      const taken = takeCategory(block.lines);
      if (taken.category) category = taken.category;
      const start = taken.rest[0];
      if (!start) continue;
      const source = taken.rest.map((line) => line.text).join("\n");
      let read: ReturnType<typeof parseQuestion>;
      try {
        read =
          source.length > questionSourceChars
            ? { ok: false, message: `The question is longer than ${questionSourceChars} characters, more than a question can hold.` }
            : parseQuestion(source, { category, tags: readTags(block.comments) });
      } catch {
        read = { ok: false, message: "The question could not be read." };
      }
      if (!read.ok) {
        problems.push({ line: start.line, message: read.message });
        continue;
      }
      if (questions.length >= importLimits.questions) {
        problems.push({ line: start.line, message: tooManyQuestionsMessage });
        break;
      }
      questions.push(read.question);
      for (const message of read.dropped) problems.push({ line: start.line, message });
    }
  } catch {
    problems.push({ line: null, message: "The rest of the file could not be read." });
  }
  return { questions, problems, files: [] };
}
