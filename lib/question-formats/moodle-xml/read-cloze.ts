import { clozeMarker, type ClozeGap, type PortableQuestion } from "../portable-question";
import { extractGaps, type RawGap } from "./cloze-syntax";
import { htmlToMarkdown, htmlToPlainText, plainTextToMarkdown } from "./html-to-markdown";
import { readNumber } from "./read-answers";
import { readName, readPoints, readTags } from "./read-common";
import type { ReadContext } from "./read-context";
import { readRichText } from "./rich-text";
import { child, childText, children, type XmlElement } from "./xml-tree";

// Both of Moodle's gap questions become cloze: multianswer (embedded answers,
// the gaps written in the text) and gapselect ("select missing words": [[n]]
// in the text, each the n-th choice, offered with the others of its group).
// Each gap is marked in the Markdown with a private-use token while the text
// is converted, so Markdown's escaping cannot touch it, then with [[n]].

const token = (n: number) => `\uE000${n}\uE001`;
const withMarkers = (markdown: string) => markdown.replace(/\uE000(\d+)\uE001/g, (_, n: string) => clozeMarker(Number(n)));

function convertGap(gap: RawGap, n: number, context: ReadContext): ClozeGap | null {
  const feedback = (html: string) => htmlToMarkdown(html);
  switch (gap.type) {
    case "multiresponse":
      context.problem(`gap ${n} is ${gap.code} (several right choices), which has no counterpart here; skipped.`);
      return null;
    case "short_answer_case":
      context.problem(`gap ${n} (${gap.code}) compared its answers with case; here they are compared without case.`);
    // falls through: otherwise it is a short answer gap.
    case "short_answer": {
      const answers = gap.alternatives.map((alternative) => ({ text: htmlToPlainText(alternative.answer), weight: alternative.weight, feedback: feedback(alternative.feedback) }));
      if (answers.some((answer) => answer.text === "*")) context.problem(`gap ${n}: the answer “*” (any other answer) is not kept.`);
      return { kind: "short_answer", points: gap.points, answers: answers.filter((answer) => answer.text !== "" && answer.text !== "*") };
    }
    case "numeric": {
      const answers = [];
      for (const alternative of gap.alternatives) {
        const written = htmlToPlainText(alternative.answer);
        const [valueText = "", toleranceText = "0", ...extra] = written.split(":");
        const value = readNumber(valueText);
        const tolerance = readNumber(toleranceText);
        if (written === "*") context.problem(`gap ${n}: the answer “*” (any other number) is not kept.`);
        else if (value === null || tolerance === null || extra.length > 0) context.problem(`gap ${n}: “${written}” is not a number (with an optional :tolerance); it was left out.`);
        else answers.push({ value, tolerance: Math.abs(tolerance), weight: alternative.weight, feedback: feedback(alternative.feedback) });
      }
      return { kind: "numeric", points: gap.points, answers };
    }
    case "dropdown":
      return {
        kind: "dropdown",
        points: gap.points,
        choices: gap.alternatives.map((alternative) => ({ text: htmlToMarkdown(alternative.answer), weight: alternative.weight, feedback: feedback(alternative.feedback) })),
      };
  }
}

export function readMultianswer(question: XmlElement, category: readonly string[], context: ReadContext): PortableQuestion | null {
  let rawGaps: RawGap[] = [];
  const text = readRichText(child(question, "questiontext"), context, {
    transform(raw) {
      const extracted = extractGaps(raw, token);
      rawGaps = extracted.gaps;
      return extracted.text;
    },
  });
  if (rawGaps.length === 0) {
    context.problem("the text has no embedded answers such as {1:SHORTANSWER:=answer}; skipped.");
    return null;
  }
  const gaps: ClozeGap[] = [];
  for (const [index, raw] of rawGaps.entries()) {
    const gap = convertGap(raw, index + 1, context);
    if (gap === null) return null;
    gaps.push(gap);
  }
  return {
    name: readName(question),
    text: withMarkers(text),
    // Moodle's grade for embedded answers is the sum of its gaps' marks; it ignores any <defaultgrade>.
    points: Math.max(1, gaps.reduce((sum, gap) => sum + gap.points, 0)),
    explanation: readRichText(child(question, "generalfeedback"), context),
    category: [...category],
    tags: readTags(question),
    type: "cloze",
    gaps,
  };
}

export function readGapselect(question: XmlElement, category: readonly string[], context: ReadContext): PortableQuestion | null {
  const options = children(question, "selectoption").map((option) => ({ text: childText(option, "text").trim(), group: childText(option, "group").trim() || "1" }));
  const gaps: ClozeGap[] = [];
  let missing: string | null = null;
  const text = readRichText(child(question, "questiontext"), context, {
    transform: (raw) =>
      raw.replace(/\[\[(\d+)\]\]/g, (whole, n: string) => {
        const right = options[Number(n) - 1];
        if (right === undefined || right.text === "") {
          missing ??= whole;
          return whole;
        }
        const group = options.filter((option) => option.group === right.group && option.text !== "");
        gaps.push({ kind: "dropdown", points: 1, choices: group.map((option) => ({ text: plainTextToMarkdown(option.text), weight: option === right ? 100 : 0, feedback: "" })) });
        return token(gaps.length);
      }),
  });
  if (missing !== null) {
    context.problem(`the text's gap ${missing} has no choice of that number; skipped.`);
    return null;
  }
  if (gaps.length === 0) {
    context.problem("the text has no gaps such as [[1]]; skipped.");
    return null;
  }
  return {
    name: readName(question),
    text: withMarkers(text),
    points: readPoints(question, context),
    explanation: readRichText(child(question, "generalfeedback"), context),
    category: [...category],
    tags: readTags(question),
    type: "cloze",
    gaps,
  };
}
