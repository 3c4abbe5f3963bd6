import { clozeMarker, type ClozeGap, type PortableQuestion } from "../portable-question";
import type { Read } from "./answer-parts";
import { GiftText } from "./gift-text";
import { readAnswerBlock, type AnswerBlock } from "./read-answer-block";
import { formattedToMarkdown, readFormat, toMarkdown } from "./text-format";

// One question block: `::title::` then the text, with one answer block `{…}`
// at its end or, for Moodle's "missing word" form, in the middle of it.

export type QuestionRead = { ok: true; question: PortableQuestion; dropped: string[] } | { ok: false; message: string };

/**
 * Marks where the answer block sat while the text is converted: a private-use
 * character the converters leave alone, removed from the file's text first so
 * it cannot clash with anything the author wrote.
 */
const gapMark = "\uE000";

/** Moodle's blank for a missing-word question that cannot be a gap (true/false, matching…). */
const blank = "_____";

const fail = (message: string): QuestionRead => ({ ok: false, message });

function readName(text: GiftText): Read<{ name: string; rest: GiftText }> {
  if (!text.startsWith("::")) return { ok: true, value: { name: "", rest: text } };
  const end = text.indexOf("::", 2);
  if (end === -1) return { ok: false, message: "The title starts with :: but is never closed with ::." };
  return { ok: true, value: { name: text.slice(2, end).trim().toString(), rest: text.slice(end + 2).trim() } };
}

/** The answer block's position, or why the braces are wrong. */
function findAnswerBlock(text: GiftText): Read<{ open: number; close: number }> | null {
  const open = text.indexOf("{");
  const close = text.indexOf("}");
  if (open === -1 && close === -1) return null;
  if (open === -1) return { ok: false, message: "There is a } without a { before it (write \\} for a brace in the text)." };
  if (close === -1) return { ok: false, message: "The answers' opening brace { is never closed with }." };
  if (close < open) return { ok: false, message: "A } comes before the { that opens the answers (write \\} for a brace in the text)." };
  const inner = text.indexOf("{", open + 1);
  if (inner !== -1 && inner < close) return { ok: false, message: "The { that opens the answers is never closed: another { comes before its } (write \\{ for a brace in the text)." };
  if (text.indexOf("{", close) !== -1 || text.indexOf("}", close + 1) !== -1) {
    return { ok: false, message: "There is more than one answer block {…}. Separate questions with a blank line, and write \\{ and \\} for braces in the text." };
  }
  return { ok: true, value: { open, close } };
}

/** The one gap a missing-word question becomes, when its kind of answers can be a gap. */
function gapOf(block: AnswerBlock): ClozeGap | null {
  if (block.kind === "choices" && !block.multiple) return { kind: "dropdown", points: 1, choices: block.choices };
  if (block.kind === "short_answer") return { kind: "short_answer", points: 1, answers: block.answers };
  if (block.kind === "numeric") return { kind: "numeric", points: 1, answers: block.answers };
  return null;
}

type Base = Omit<Extract<PortableQuestion, { type: "essay" }>, "type" | "graderInfo">;

function build(block: AnswerBlock, base: Base): PortableQuestion {
  switch (block.kind) {
    case "choices":
      return { ...base, type: block.multiple ? "multiple_choice" : "single_choice", choices: block.choices };
    case "true_false":
      return { ...base, type: "true_false", answer: block.answer, feedbackTrue: block.feedbackTrue, feedbackFalse: block.feedbackFalse };
    case "short_answer":
      return { ...base, type: "short_answer", answers: block.answers };
    case "numeric":
      return { ...base, type: "numeric", answers: block.answers };
    case "matching":
      return { ...base, type: "matching", pairs: block.pairs, distractors: block.distractors };
    case "essay":
      return { ...base, type: "essay", graderInfo: "" };
  }
}

/** Reads one block (comment lines removed, lines joined by newlines). */
export function parseQuestion(source: string, context: { category: string[]; tags: string[] }): QuestionRead {
  const named = readName(GiftText.read(source.replaceAll(gapMark, "")).trim());
  if (!named.ok) return fail(named.message);
  const { name, rest } = named.value;
  const found = findAnswerBlock(rest);
  if (found === null) return fail("descriptions are not questions; skipped");
  if (!found.ok) return fail(found.message);
  const { open, close } = found.value;

  const after = rest.slice(close + 1);
  const missingWord = after.trim().length > 0;
  let answers = rest.slice(open + 1, close).trim();
  // General feedback follows the last `####`, as Moodle reads it.
  const general = answers.lastIndexOf("####");
  const explanationSource = general === -1 ? "" : answers.slice(general + 4).toString();
  if (general !== -1) answers = answers.slice(0, general).trim();

  const textSource = readFormat(`${rest.slice(0, open).toString()}${missingWord ? gapMark : ""}${after.toString()}`, "moodle");
  const block = readAnswerBlock(answers, textSource.format);
  if (!block.ok) return fail(block.message);

  const converted = toMarkdown(textSource.text, textSource.format).trim();
  if (missingWord && !converted.includes(gapMark)) return fail("The place of the answer block in the text was lost converting the text to Markdown.");
  const gap = missingWord ? gapOf(block.value) : null;
  const text = converted.replace(gapMark, gap ? clozeMarker(1) : blank);
  if (text === "") return fail("The question has no text before its answer block.");

  const base: Base = { name, text, points: 1, explanation: formattedToMarkdown(explanationSource, textSource.format), category: [...context.category], tags: [...context.tags] };
  const dropped = block.value.kind === "numeric" ? block.value.dropped : [];
  const question: PortableQuestion = gap ? { ...base, type: "cloze", gaps: [gap] } : build(block.value, base);
  return { ok: true, question, dropped };
}
