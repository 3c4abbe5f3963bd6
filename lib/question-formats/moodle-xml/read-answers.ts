import type { PortableQuestion } from "../portable-question";
import { readCommon, readFeedback, readPlainAnswer, readWeight } from "./read-common";
import type { ReadContext } from "./read-context";
import { child, childText, children, type XmlElement } from "./xml-tree";

// shortanswer and numerical: typed answers, each with its share of the marks.

export function readShortAnswer(question: XmlElement, category: readonly string[], context: ReadContext): PortableQuestion {
  const common = readCommon(question, category, context);
  if (childText(question, "usecase").trim() === "1") {
    context.problem("Moodle compared answers with case; here they are compared without case (“Paris” and “paris” both count).");
  }
  const answers = [];
  for (const answer of children(question, "answer")) {
    const text = readPlainAnswer(answer);
    if (text === "") continue;
    // Moodle's "*" matches any characters; here an answer is compared as written.
    if (text === "*") {
      context.problem("the answer “*” (any other answer) is not kept.");
      continue;
    }
    if (text.includes("*")) context.problem(`the answer “${text}” uses Moodle's wildcard *; here it is compared as written.`);
    answers.push({ text, weight: readWeight(answer, context), feedback: readFeedback(answer, context) });
  }
  return { ...common, type: "short_answer", answers };
}

// Moodle's own number syntax: a decimal point or comma, an optional exponent.
const numberPattern = /^[-+]?(?:\d+[.,]?\d*|[.,]\d+)(?:[eE][-+]?\d+)?$/;

/** A number as Moodle writes or accepts it; null when it is not one. */
export function readNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!numberPattern.test(trimmed)) return null;
  const value = Number(trimmed.replace(",", "."));
  return Number.isFinite(value) ? value : null;
}

export function readNumerical(question: XmlElement, category: readonly string[], context: ReadContext): PortableQuestion {
  const common = readCommon(question, category, context);
  if (children(child(question, "units"), "unit").length > 0) context.problem("the question had units; they are not kept: the answer is the number alone.");
  const answers = [];
  for (const answer of children(question, "answer")) {
    const text = readPlainAnswer(answer);
    if (text === "*") {
      context.problem("the answer “*” (any other number) is not kept.");
      continue;
    }
    const value = readNumber(text);
    if (value === null) {
      context.problem(`the answer “${text}” is not a number; it was left out.`);
      continue;
    }
    const tolerance = readNumber(childText(answer, "tolerance")) ?? 0;
    answers.push({ value, tolerance: Math.abs(tolerance), weight: readWeight(answer, context), feedback: readFeedback(answer, context) });
  }
  return { ...common, type: "numeric", answers };
}
