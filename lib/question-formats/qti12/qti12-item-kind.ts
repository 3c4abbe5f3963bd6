import { child, descendants, type XmlElement } from "../qti/xml-tree";
import { materialPlain } from "./qti12-material";
import { positiveTests, type Processing } from "./qti12-processing";

// What kind of question an item is. The Common Cartridge profile says so in
// cc_profile, Canvas in question_type (its full exports carry types the
// profile has no name for); without either, the item's shape decides.

export type ItemKind = "single_choice" | "multiple_choice" | "true_false" | "short_answer" | "pattern_match" | "numeric" | "essay" | "matching" | "fill_in_blanks" | "dropdowns";

export type KindResult = { ok: true; kind: ItemKind } | { ok: false; reason: string };

const profiles: Record<string, ItemKind> = {
  "cc.multiple_choice.v0p1": "single_choice",
  "cc.multiple_response.v0p1": "multiple_choice",
  "cc.true_false.v0p1": "true_false",
  "cc.fib.v0p1": "short_answer",
  "cc.pattern_match.v0p1": "pattern_match",
  "cc.essay.v0p1": "essay",
};

const canvasTypes: Record<string, ItemKind> = {
  multiple_choice_question: "single_choice",
  true_false_question: "true_false",
  multiple_answers_question: "multiple_choice",
  short_answer_question: "short_answer",
  essay_question: "essay",
  numerical_question: "numeric",
  matching_question: "matching",
  fill_in_multiple_blanks_question: "fill_in_blanks",
  multiple_dropdowns_question: "dropdowns",
};

export const truePattern = /^(true|t|yes|correct|right|wahr|richtig|vrai|verdadero|vero|waar|juist|sim|sí|oui|ja)$/i;
export const falsePattern = /^(false|f|no|incorrect|wrong|falsch|faux|falso|onwaar|niet juist|non|nein|não)$/i;

function shapeKind(item: XmlElement, processing: Processing): KindResult {
  const presentation = child(item, "presentation");
  if (!presentation) return { ok: false, reason: "The item has nothing to answer." };
  const choices = descendants(presentation, "response_lid");
  if (choices.length > 1) return choices.every((lid) => child(lid, "material")) ? { ok: true, kind: "matching" } : { ok: false, reason: "Items with several choice lists have no counterpart here; skipped." };
  if (choices.length === 1) {
    const lid = choices[0]!;
    const labels = descendants(lid, "response_label");
    if (labels.length === 2 && labels.every((label) => truePattern.test(materialPlain(label)) || falsePattern.test(materialPlain(label)))) return { ok: true, kind: "true_false" };
    return { ok: true, kind: (lid.attrs.rcardinality ?? "Single").toLowerCase() === "multiple" ? "multiple_choice" : "single_choice" };
  }
  if (descendants(presentation, "response_num").length > 0) return { ok: true, kind: "numeric" };
  const texts = descendants(presentation, "response_str");
  if (texts.length > 1) return { ok: false, reason: "Items with several text boxes have no counterpart here; skipped." };
  if (texts.length === 1) {
    const fib = descendants(texts[0]!, "render_fib")[0];
    if (/^(decimal|integer|scientific)$/i.test(fib?.attrs.fibtype ?? "")) return { ok: true, kind: "numeric" };
    const scored = processing.rules.some((rule) => (rule.score ?? 0) > 0 && positiveTests(rule.condition).length > 0);
    return { ok: true, kind: scored ? "short_answer" : "essay" };
  }
  const other = ["response_grp", "response_xy", "response_extension"].find((name) => descendants(presentation, name).length > 0);
  return { ok: false, reason: other ? `${other} items have no counterpart here; skipped.` : "The item has nothing to answer." };
}

export function itemKind(item: XmlElement, metadata: Map<string, string>, processing: Processing): KindResult {
  const canvas = metadata.get("question_type");
  if (canvas) {
    if (canvasTypes[canvas]) return { ok: true, kind: canvasTypes[canvas]! };
    if (canvas === "text_only_question") return { ok: false, reason: "It is text between questions, not a question; left out." };
    return { ok: false, reason: `${canvas.replace(/_question$/, "").replace(/_/g, " ")} questions have no counterpart here; skipped.` };
  }
  const profile = metadata.get("cc_profile");
  if (profile) return profiles[profile] ? { ok: true, kind: profiles[profile]! } : { ok: false, reason: `${profile} items have no counterpart here; skipped.` };
  return shapeKind(item, processing);
}
