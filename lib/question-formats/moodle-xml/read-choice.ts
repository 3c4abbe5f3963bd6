import type { PortableChoice, PortableQuestion } from "../portable-question";
import { readCommon, readFeedback, readPlainAnswer, readWeight } from "./read-common";
import type { ReadContext } from "./read-context";
import { readRichText } from "./rich-text";
import { childText, children, type XmlElement } from "./xml-tree";

// multichoice (one right answer or several) and truefalse. Shuffling and the
// numbering of choices are how the quiz shows them, not the question, and
// are not kept.

export function readMultichoice(question: XmlElement, category: readonly string[], context: ReadContext): PortableQuestion {
  const common = readCommon(question, category, context);
  // Moodle reads anything but "false" (or nothing, or 0) as single.
  const singleText = childText(question, "single").trim().toLowerCase();
  const single = !(singleText === "false" || singleText === "0");
  const choices: PortableChoice[] = children(question, "answer")
    .map((answer) => ({ text: readRichText(answer, context), weight: readWeight(answer, context), feedback: readFeedback(answer, context) }))
    // Moodle skips answers left empty in its form; so does the import.
    .filter((choice) => choice.text !== "");
  return { ...common, type: single ? "single_choice" : "multiple_choice", choices };
}

export function readTrueFalse(question: XmlElement, category: readonly string[], context: ReadContext): PortableQuestion | null {
  const common = readCommon(question, category, context);
  const answers = children(question, "answer");
  let trueAnswer = answers.find((answer) => readPlainAnswer(answer).toLowerCase() === "true");
  let falseAnswer = answers.find((answer) => readPlainAnswer(answer).toLowerCase() === "false");
  if (trueAnswer === undefined && falseAnswer === undefined && answers.length === 2) {
    // Old exports wrote the answers in the site's language; Moodle then takes them as true, false in that order.
    [trueAnswer, falseAnswer] = answers;
    context.problem("the answers are not named true and false; the first was taken as true, the second as false.");
  }
  if (trueAnswer === undefined && falseAnswer === undefined) {
    context.problem("a true/false question needs its true and false answers; skipped.");
    return null;
  }
  const answer = trueAnswer !== undefined ? readWeight(trueAnswer, context) === 100 : readWeight(falseAnswer!, context) !== 100;
  return {
    ...common,
    type: "true_false",
    answer,
    feedbackTrue: trueAnswer === undefined ? "" : readFeedback(trueAnswer, context),
    feedbackFalse: falseAnswer === undefined ? "" : readFeedback(falseAnswer, context),
  };
}
