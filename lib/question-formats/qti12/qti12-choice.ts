import type { PortableChoice, PortableQuestion } from "../portable-question";
import { descendants, type XmlElement } from "../qti/xml-tree";
import { falsePattern, truePattern } from "./qti12-item-kind";
import { feedbackOf, type ItemParts } from "./qti12-item-parts";
import { materialMarkdown, materialPlain } from "./qti12-material";
import { positiveTests, roundWeight } from "./qti12-processing";

// Choice items (<response_lid> with <render_choice>): single choice, multiple
// choice and true/false. A rule that picks exactly one label gives that label
// its score and feedback; for multiple choice, the full-marks rule's labels
// share the points (CC's multiple response: all of them and none of the rest).

interface Label {
  ident: string;
  element: XmlElement;
  weight: number | null;
  feedback: string[];
}

function labelsOf(parts: ItemParts): { respident: string; labels: Label[] } | null {
  const lid = parts.presentation ? descendants(parts.presentation, "response_lid")[0] : undefined;
  if (!lid) return null;
  const labels = descendants(lid, "response_label").map((element) => ({ ident: element.attrs.ident ?? "", element, weight: null as number | null, feedback: [] as string[] }));
  const respident = lid.attrs.ident ?? "";
  for (const rule of parts.processing.rules) {
    const picked = [...new Set(positiveTests(rule.condition, respident).filter((test) => test.op === "equal").map((test) => test.value))];
    if (picked.length !== 1) continue;
    const label = labels.find((candidate) => candidate.ident === picked[0]);
    if (!label) continue;
    label.feedback.push(...rule.feedback);
    // The first rule that scores a label decides, as processing stops there (continue="No").
    if (rule.score !== null && (label.weight === null || rule.adds)) label.weight = rule.adds ? (label.weight ?? 0) + rule.score : rule.score;
  }
  return { respident, labels };
}

function multipleWeights(parts: ItemParts, respident: string, labels: Label[]) {
  const full = parts.processing.rules.find((rule) => !rule.adds && (rule.score ?? 0) >= 100 && positiveTests(rule.condition, respident).length > 1);
  if (!full) return;
  const right = new Set(positiveTests(full.condition, respident).map((test) => test.value));
  for (const label of labels) label.weight = right.has(label.ident) ? 100 / right.size : 0;
  if (full.feedback.length > 0 && feedbackOf(parts, full.feedback)) parts.notes.push("Feedback for an all-right answer is not kept; the general feedback is.");
}

const choiceOf = (parts: ItemParts, label: Label): PortableChoice => ({
  text: materialMarkdown(label.element, parts.rewrite),
  weight: roundWeight(label.weight ?? 0),
  feedback: feedbackOf(parts, label.feedback),
});

export function readChoiceItem(parts: ItemParts, kind: "single_choice" | "multiple_choice" | "true_false"): PortableQuestion | string {
  const found = labelsOf(parts);
  if (!found || found.labels.length < 2) return "A choice item needs at least two choices.";
  const { respident, labels } = found;
  if (kind === "multiple_choice") multipleWeights(parts, respident, labels);
  if (kind !== "true_false") return { ...parts.base, type: kind, choices: labels.map((label) => choiceOf(parts, label)) };

  if (labels.length !== 2) return "A true/false item needs exactly two choices.";
  let trueLabel = labels.find((label) => truePattern.test(materialPlain(label.element)));
  if (!trueLabel) {
    trueLabel = labels.find((label) => !falsePattern.test(materialPlain(label.element))) ?? labels[0]!;
    parts.notes.push(`The choice “${materialPlain(trueLabel.element)}” was read as True.`);
  }
  const falseLabel = labels.find((label) => label !== trueLabel)!;
  const trueRight = (trueLabel.weight ?? 0) >= 100;
  if (!trueRight && (falseLabel.weight ?? 0) < 100) return "No choice earns full marks.";
  return { ...parts.base, type: "true_false", answer: trueRight, feedbackTrue: feedbackOf(parts, trueLabel.feedback), feedbackFalse: feedbackOf(parts, falseLabel.feedback) };
}
