import { clozeMarker, type ClozeGap, type PortableQuestion } from "../portable-question";
import { child, descendants, type XmlElement } from "../qti/xml-tree";
import { promptHtml, type ItemParts } from "./qti12-item-parts";
import { htmlMarkdown, materialHtml, materialMarkdown, materialPlain } from "./qti12-material";
import { positiveTests } from "./qti12-processing";

// Canvas's items with one choice list per prompt: matching (a list per left
// side), and fill-in-multiple-blanks and multiple-dropdowns (a list per
// [blank] in the text). The label a scoring rule picks for a list is its right
// answer.

interface ChoiceList {
  lid: XmlElement;
  labels: { ident: string; element: XmlElement }[];
  right: string | undefined;
}

function choiceLists(parts: ItemParts): ChoiceList[] {
  const lids = parts.presentation ? descendants(parts.presentation, "response_lid") : [];
  return lids.map((lid) => {
    const respident = lid.attrs.ident ?? "";
    const labels = descendants(lid, "response_label").map((element) => ({ ident: element.attrs.ident ?? "", element }));
    const scoring = parts.processing.rules.find((rule) => (rule.score ?? 0) > 0 && positiveTests(rule.condition, respident).some((test) => test.op === "equal" && test.respident === respident));
    const right = scoring ? positiveTests(scoring.condition, respident).find((test) => test.respident === respident)?.value : undefined;
    return { lid, labels, right };
  });
}

export function readMatching(parts: ItemParts): PortableQuestion | string {
  const lists = choiceLists(parts);
  const answerText = new Map<string, string>();
  for (const list of lists) for (const label of list.labels) if (!answerText.has(label.ident)) answerText.set(label.ident, materialMarkdown(label.element, parts.rewrite));
  const pairs: { prompt: string; answer: string }[] = [];
  const used = new Set<string>();
  for (const list of lists) {
    const material = child(list.lid, "material");
    const prompt = material ? htmlMarkdown(materialHtml(material), parts.rewrite) : "";
    if (prompt === "" || list.right === undefined || !answerText.has(list.right)) {
      parts.notes.push(`${prompt ? `“${prompt}”` : "A prompt"} has no right answer; it was left out.`);
      continue;
    }
    used.add(list.right);
    pairs.push({ prompt, answer: answerText.get(list.right)! });
  }
  if (pairs.length < 2) return "A matching item needs at least two prompts with a right answer.";
  return { ...parts.base, type: "matching", pairs, distractors: [...answerText].filter(([ident]) => !used.has(ident)).map(([, text]) => text) };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Fill-in-multiple-blanks (every listed answer is right) and multiple dropdowns (the picked option is). */
export function readBlanks(parts: ItemParts, kind: "fill_in_blanks" | "dropdowns"): PortableQuestion | string {
  const lists = choiceLists(parts);
  if (lists.length === 0) return "The item has no blanks.";
  let html = promptHtml(parts.presentation);
  const gaps: ClozeGap[] = [];
  const gapPoints = Math.max(1, Math.round(parts.base.points / lists.length));
  for (const [index, list] of lists.entries()) {
    const blank = materialPlain(list.lid) || (list.lid.attrs.ident ?? "").replace(/^response_/, "");
    const marker = new RegExp(`\\[${escapeRegExp(blank)}\\]`);
    if (!marker.test(html)) return `The blank [${blank}] is not in the text.`;
    html = html.replace(marker, `JEEVIGAP${index + 1}X`);
    if (kind === "fill_in_blanks") {
      const answers = list.labels.map((label) => ({ text: materialPlain(label.element), weight: 100, feedback: "" })).filter((answer) => answer.text !== "");
      if (answers.length === 0) return `The blank [${blank}] has no answer.`;
      gaps.push({ kind: "short_answer", points: gapPoints, answers });
    } else {
      if (list.right === undefined) return `The dropdown [${blank}] has no right option.`;
      gaps.push({ kind: "dropdown", points: gapPoints, choices: list.labels.map((label) => ({ text: materialMarkdown(label.element, parts.rewrite), weight: label.ident === list.right ? 100 : 0, feedback: "" })) });
    }
  }
  const text = htmlMarkdown(html, parts.rewrite).replace(/JEEVIGAP(\d+)X/g, (_, n: string) => clozeMarker(Number(n)));
  return { ...parts.base, text, type: "cloze", gaps };
}
