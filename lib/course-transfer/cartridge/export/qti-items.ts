import type { ManifestQuestionVersion } from "@/lib/course-transfer/manifest";
import { formatNumber } from "@/lib/question-formats/moodle-xml/xml-writer";
import { readAnswerExtras, readQuestionData } from "@/lib/quizzes/question-data";
import { richTextHtml, type ReferenceTargets } from "./rich-text";
import { element, type XmlChild, type XmlMarkup } from "./xml";

// One question as a QTI 1.2.1 item of the Common Cartridge profile. The
// profile knows five kinds (its cc_profile values); the bank's other kinds
// either fit one of them exactly (a numeric question without tolerance is a
// fill-in-the-blank whose answer is the number) or are left out, said so,
// rather than written as something that grades differently. Scores follow
// the profile: SCORE runs 0-100, the question's points are its cc_weighting.

export const ccProfiles = {
  single_choice: "cc.multiple_choice.v0p1",
  multiple_choice: "cc.multiple_response.v0p1",
  true_false: "cc.true_false.v0p1",
  short_answer: "cc.fib.v0p1",
  numeric: "cc.fib.v0p1",
  essay: "cc.essay.v0p1",
} as const;

export type QtiItem =
  | { ok: true; item: XmlMarkup; dependencies: string[]; missing: string[]; notes: string[] }
  | { ok: false; reason: string };

export interface ItemOptions {
  ident: string;
  points: number;
  shuffleChoices: boolean;
  partialCredit: boolean;
  /** The category path, for cc_question_category. */
  category?: string;
}

const responseIdent = "response1";
const withoutProfile = { matching: "A matching question", ordering: "An ordering question", cloze: "A cloze question" } as const;
const keptElsewhere = "it is kept in the Jeevi backup format";

class ItemText {
  readonly dependencies = new Set<string>();
  readonly missing: string[] = [];
  constructor(private readonly targets: ReferenceTargets) {}

  material(markdown: string, inline = false): XmlMarkup {
    const rendered = richTextHtml(markdown, this.targets, { inline, math: true });
    for (const dependency of rendered.dependencies) this.dependencies.add(dependency);
    this.missing.push(...rendered.missing);
    return element("material", {}, element("mattext", { texttype: "text/html" }, rendered.html));
  }
}

const field = (label: string, entry: string | number) => element("qtimetadatafield", {}, element("fieldlabel", {}, label), element("fieldentry", {}, String(entry)));
const outcomes = element("outcomes", {}, element("decvar", { maxvalue: 100, minvalue: 0, varname: "SCORE", vartype: "Decimal" }));
const score = (value: number) => element("setvar", { action: "Set", varname: "SCORE" }, formatNumber(value));
const varequal = (value: string, caseSensitive?: boolean) =>
  element("varequal", { respident: responseIdent, case: caseSensitive === undefined ? undefined : caseSensitive ? "Yes" : "No" }, value);
const showFeedback = (ident: string) => element("displayfeedback", { feedbacktype: "Response", linkrefid: ident });
const feedbackCondition = (condition: XmlChild, ident: string) =>
  element("respcondition", { continue: "Yes" }, element("conditionvar", {}, condition), showFeedback(ident));

interface Feedback {
  ident: string;
  text: string;
  /** The choice whose picking shows it; general feedback is shown whatever the answer. */
  on?: string;
}

interface Parts {
  presentation: XmlChild[];
  conditions: XmlChild[];
  feedback: Feedback[];
  notes: string[];
}

const textEntry = (rows?: number) =>
  element("response_str", { ident: responseIdent, rcardinality: "Single" }, element("render_fib", { rows }, element("response_label", { ident: "answer1", rshuffle: "No" })));

function choiceParts(version: ManifestQuestionVersion, options: ItemOptions, text: ItemText): Parts | string {
  const choices = [...version.choices].sort((a, b) => a.position - b.position);
  const trueFalse = version.type === "true_false";
  if (trueFalse && choices.length !== 2) return "A true/false question needs its two choices.";
  const idents = choices.map((_, index) => (trueFalse ? (index === 0 ? "true" : "false") : `c${index + 1}`));
  const multiple = version.type === "multiple_choice";
  const notes: string[] = [];
  if (choices.some((choice) => choice.weight !== null && choice.weight !== 0 && choice.weight !== 100)) {
    notes.push("Its choices' partial weights are not part of a cartridge: only right and wrong choices are written.");
  }
  if (multiple && options.partialCredit) notes.push("Partial credit is not part of a cartridge: the question scores all or nothing there.");
  const labels = choices.map((choice, index) =>
    element("response_label", { ident: idents[index] }, trueFalse ? element("material", {}, element("mattext", { texttype: "text/plain" }, index === 0 ? "True" : "False")) : text.material(choice.text, true)),
  );
  const right = choices.flatMap((choice, index) => (choice.isCorrect ? [idents[index]!] : []));
  const wrong = choices.flatMap((choice, index) => (choice.isCorrect ? [] : [idents[index]!]));
  const condition = multiple
    ? element("and", {}, right.map((ident) => varequal(ident)), wrong.map((ident) => element("not", {}, varequal(ident))))
    : right.length > 1
      ? element("or", {}, right.map((ident) => varequal(ident)))
      : varequal(right[0] ?? "");
  const feedback: Feedback[] = choices.flatMap((choice, index) => (choice.feedback.trim() ? [{ ident: `${idents[index]}_fb`, text: choice.feedback, on: idents[index]! }] : []));
  return {
    presentation: [
      element(
        "response_lid",
        { ident: responseIdent, rcardinality: multiple ? "Multiple" : "Single" },
        element("render_choice", { shuffle: options.shuffleChoices && !trueFalse ? "Yes" : "No" }, labels),
      ),
    ],
    conditions: [...feedback.map((entry) => feedbackCondition(varequal(entry.on!), entry.ident)), element("respcondition", { continue: "No" }, element("conditionvar", {}, condition), score(100))],
    feedback,
    notes,
  };
}

function answerConditions(answers: readonly { text: string; weight: number }[]): XmlChild[] {
  return answers.map((answer) => element("respcondition", { continue: "No" }, element("conditionvar", {}, varequal(answer.text, false)), score(answer.weight)));
}

function shortAnswerParts(version: ManifestQuestionVersion): Parts | string {
  if (version.acceptedAnswers.length === 0) return "The question has no accepted answer.";
  const partial = readAnswerExtras("short_answer", version.data)?.partial ?? [];
  return {
    presentation: [textEntry()],
    conditions: answerConditions([...version.acceptedAnswers.map((text) => ({ text, weight: 100 })), ...partial]),
    feedback: [],
    notes: [],
  };
}

function numericParts(version: ManifestQuestionVersion): Parts | string {
  if (version.numericValue === null) return "The question has no value.";
  if (version.numericTolerance !== 0) {
    return `A numeric answer with a tolerance (±${formatNumber(version.numericTolerance)}) has no Common Cartridge question type, so the question is left out of the cartridge; ${keptElsewhere}.`;
  }
  const others = readAnswerExtras("numeric", version.data)?.others ?? [];
  const exact = others.filter((other) => other.tolerance === 0);
  const notes = exact.length < others.length ? ["Its other values with a tolerance are left out: a cartridge's fill-in-the-blank matches text exactly."] : [];
  return {
    presentation: [textEntry()],
    conditions: answerConditions([
      { text: formatNumber(version.numericValue), weight: 100 },
      ...exact.map((other) => ({ text: formatNumber(other.value), weight: other.weight })),
    ]),
    feedback: [],
    notes: ["Numeric answers are written as text to fill in: a cartridge has no numeric type, so “2.50” would not match “2.5” there.", ...notes],
  };
}

function essayParts(version: ManifestQuestionVersion): Parts {
  const graderInfo = readQuestionData("essay", version.data)?.graderInfo ?? "";
  return {
    presentation: [textEntry(15)],
    conditions: [],
    feedback: [],
    notes: graderInfo.trim() ? ["Its notes for graders are not part of a cartridge."] : [],
  };
}

function partsOf(version: ManifestQuestionVersion, options: ItemOptions, text: ItemText): Parts | string {
  switch (version.type) {
    case "single_choice":
    case "multiple_choice":
    case "true_false":
      return choiceParts(version, options, text);
    case "short_answer":
      return shortAnswerParts(version);
    case "numeric":
      return numericParts(version);
    case "essay":
      return essayParts(version);
    case "matching":
    case "ordering":
    case "cloze":
      return `${withoutProfile[version.type]} has no Common Cartridge question type, so it is left out of the cartridge; ${keptElsewhere}.`;
  }
}

export function qtiItem(version: ManifestQuestionVersion, options: ItemOptions, targets: ReferenceTargets): QtiItem {
  const text = new ItemText(targets);
  const parts = partsOf(version, options, text);
  if (typeof parts === "string") return { ok: false, reason: parts };
  const profile = ccProfiles[version.type as keyof typeof ccProfiles];
  const notes = [...parts.notes];
  // Moodle reads a weighting above 99 as 1; the profile's range ends there.
  if (options.points > 99) notes.push(`It is worth ${options.points} points; a cartridge's question weighting goes to 99, so some tools will read another value.`);
  const feedback: Feedback[] = [...parts.feedback];
  const conditions: XmlChild[] = [...parts.conditions];
  if (version.explanation.trim()) {
    feedback.unshift({ ident: "general_fb", text: version.explanation });
    conditions.unshift(feedbackCondition(element("other"), "general_fb"));
  }
  const essay = version.type === "essay";
  const item = element(
    "item",
    { ident: options.ident, title: version.name.trim() || undefined },
    element(
      "itemmetadata",
      {},
      element(
        "qtimetadata",
        {},
        field("cc_profile", profile),
        options.category ? field("cc_question_category", options.category) : null,
        field("cc_weighting", options.points),
        essay ? [field("qmd_scoringpermitted", "Yes"), field("qmd_computerscored", "No")] : null,
      ),
    ),
    element("presentation", {}, text.material(version.text), parts.presentation),
    conditions.length > 0 ? element("resprocessing", {}, outcomes, conditions) : null,
    feedback.map((entry) => element("itemfeedback", { ident: entry.ident }, text.material(entry.text))),
  );
  return { ok: true, item, dependencies: [...text.dependencies], missing: text.missing, notes };
}
