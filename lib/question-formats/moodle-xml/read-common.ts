import type { ReadContext } from "./read-context";
import { readRichText } from "./rich-text";
import { attribute, child, childText, children, nestedText, type XmlElement } from "./xml-tree";

// The parts every Moodle question has: name, text, grade, general feedback,
// tags; and the small conversions the type readers share.

export interface CommonFields {
  name: string;
  text: string;
  points: number;
  explanation: string;
  category: string[];
  tags: string[];
}

/** Moodle's grade as the bank's whole points (at least 1), with a word when that changes it. */
export function readPoints(question: XmlElement, context: ReadContext): number {
  const written = childText(question, "defaultgrade").trim();
  if (written === "") return 1;
  const grade = Number(written);
  if (!Number.isFinite(grade)) {
    context.problem(`the grade “${written}” is not a number; it is worth 1 point.`);
    return 1;
  }
  const points = Math.max(1, Math.round(grade));
  if (points !== grade) context.problem(`the grade ${grade} is worth ${points} point${points === 1 ? "" : "s"} here (points are whole numbers, at least 1).`);
  return points;
}

export function readTags(question: XmlElement): string[] {
  const tags = children(child(question, "tags"), "tag").map((tag) => childText(tag, "text").trim());
  return [...new Set(tags.filter((tag) => tag !== ""))];
}

// Names are plain text in Moodle; whitespace runs (an indented export) are one space.
export const readName = (question: XmlElement): string => nestedText(question, "name").replace(/\s+/g, " ").trim();

export function readCommon(question: XmlElement, category: readonly string[], context: ReadContext): CommonFields {
  return {
    name: readName(question),
    text: readRichText(child(question, "questiontext"), context),
    points: readPoints(question, context),
    explanation: readRichText(child(question, "generalfeedback"), context),
    category: [...category],
    tags: readTags(question),
  };
}

/** An answer's fraction attribute (a percentage: "100", "33.33333", "-50"); 0 when missing. */
export function readWeight(answer: XmlElement, context: ReadContext): number {
  const written = attribute(answer, "fraction")?.trim() ?? "";
  if (written === "") return 0;
  const weight = Number(written);
  if (Number.isFinite(weight)) return weight;
  context.problem(`the answer fraction “${written}” is not a number; the answer counts as wrong.`);
  return 0;
}

/** An answer's feedback as Markdown; "" when it has none. */
export const readFeedback = (answer: XmlElement, context: ReadContext): string => readRichText(child(answer, "feedback"), context);

/** Moodle's plain answer text (short answer, numerical, matching answers): trimmed, as Moodle trims it. */
export const readPlainAnswer = (answer: XmlElement | undefined): string => childText(answer, "text").trim();
