import type { PortableQuestion } from "../portable-question";
import { readCommon, readPlainAnswer, readWeight } from "./read-common";
import type { ReadContext } from "./read-context";
import { readRichText } from "./rich-text";
import { child, children, type XmlElement } from "./xml-tree";

// matching (prompts with their answers; a prompt left empty makes its answer
// a distractor, as Moodle's form does) and qtype_ordering (items whose
// fraction is their place in the right order).

export function readMatching(question: XmlElement, category: readonly string[], context: ReadContext): PortableQuestion {
  const common = readCommon(question, category, context);
  const pairs: { prompt: string; answer: string }[] = [];
  const distractors: string[] = [];
  for (const subquestion of children(question, "subquestion")) {
    const prompt = readRichText(subquestion, context);
    const answer = readPlainAnswer(child(subquestion, "answer"));
    if (answer === "") continue;
    if (prompt === "") distractors.push(answer);
    else pairs.push({ prompt, answer });
  }
  return { ...common, type: "matching", pairs, distractors };
}

export function readOrdering(question: XmlElement, category: readonly string[], context: ReadContext): PortableQuestion {
  const common = readCommon(question, category, context);
  const items = children(question, "answer")
    .map((answer, index) => ({ text: readRichText(answer, context), position: readWeight(answer, context), index }))
    .filter((item) => item.text !== "")
    // Written in order already in Moodle's own exports; the fraction decides when it is not, the file's order breaks ties.
    .sort((a, b) => a.position - b.position || a.index - b.index)
    .map((item) => item.text);
  return { ...common, type: "ordering", items };
}
