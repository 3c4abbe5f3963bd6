import type { PortableQuestion } from "../portable-question";
import { readNumerical, readShortAnswer } from "./read-answers";
import { readMultichoice, readTrueFalse } from "./read-choice";
import { readGapselect, readMultianswer } from "./read-cloze";
import type { ReadContext } from "./read-context";
import { readEssay } from "./read-essay";
import { readMatching, readOrdering } from "./read-matching";
import type { XmlElement } from "./xml-tree";

// Which reader each Moodle question type (the type attribute) goes to, and
// what is said about the types that have no counterpart in the bank.

export type QuestionReader = (question: XmlElement, category: readonly string[], context: ReadContext) => PortableQuestion | null;

const readers: Record<string, QuestionReader> = {
  multichoice: readMultichoice,
  truefalse: readTrueFalse,
  shortanswer: readShortAnswer,
  numerical: readNumerical,
  matching: readMatching,
  // Moodle's importer accepts the internal names as well as the ones it exports.
  match: readMatching,
  ordering: readOrdering,
  cloze: readMultianswer,
  multianswer: readMultianswer,
  essay: readEssay,
  gapselect: readGapselect,
};

const skipped: Record<string, string> = {
  description: "descriptions are not questions; skipped.",
  calculated: "calculated questions have no counterpart here; skipped.",
  calculatedsimple: "calculatedsimple (simple calculated) questions have no counterpart here; skipped.",
  calculatedmulti: "calculatedmulti (calculated multichoice) questions have no counterpart here; skipped.",
  randomsamatch: "randomsamatch (random short-answer matching) questions have no counterpart here; skipped.",
  random: "random questions (a draw from a category) have no counterpart here; skipped.",
  ddwtos: "ddwtos (drag and drop into text) questions have no counterpart here; skipped.",
  ddmarker: "ddmarker (drag and drop markers) questions have no counterpart here; skipped.",
  ddimageortext: "ddimageortext (drag and drop onto image) questions have no counterpart here; skipped.",
};

/** The reader for a type, or why questions of that type are not imported. */
export function readerFor(type: string): QuestionReader | string {
  if (Object.hasOwn(readers, type)) return readers[type]!;
  if (Object.hasOwn(skipped, type)) return skipped[type]!;
  return type === "" ? "the question has no type; skipped." : `${type} questions have no counterpart here; skipped.`;
}
