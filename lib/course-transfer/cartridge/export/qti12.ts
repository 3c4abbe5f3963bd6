import type { ManifestQuestion, ManifestQuestionVersion, ManifestTask, TransferNote } from "@/lib/course-transfer/manifest";
import { Identifiers } from "./identifiers";
import { assessmentPath, questionBankPath } from "./package-paths";
import { qtiItem, type ItemOptions } from "./qti-items";
import { resourceTypes, type CartridgeDocument, type CartridgeResource } from "./resources";
import { richTextHtml, type ReferenceTargets } from "./rich-text";
import { element, xmlDocument, type XmlChild, type XmlMarkup } from "./xml";

// A quiz is a QTI 1.2.1 assessment of the Common Cartridge profile: one
// section of items, the settings the profile has a field for (time limit in
// minutes, attempts 1-5 or unlimited) in its metadata. A question bank
// category is an objectbank. The profile has no random draw, so a quiz's
// draws are left out of its assessment and their categories go out as banks.

const namespace = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2";
const schemaLocation = `${namespace} http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_qtiasiv1p2p1_v1p0.xsd`;

const root = (...children: XmlChild[]) =>
  xmlDocument(element("questestinterop", { xmlns: namespace, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation": schemaLocation }, ...children));
const field = (label: string, entry: string | number) => element("qtimetadatafield", {}, element("fieldlabel", {}, label), element("fieldentry", {}, String(entry)));

export const currentVersion = (question: ManifestQuestion): ManifestQuestionVersion => question.versions.find((version) => version.isCurrent) ?? question.versions[0]!;

/** What a quiz or bank needs to know of the rest of the course. */
export interface QuestionSource {
  questions: ReadonlyMap<string, ManifestQuestion>;
  categoryPath(categoryId: string | null): string;
  targets: ReferenceTargets;
}

export interface QtiContent {
  resource: CartridgeResource | null;
  document: CartridgeDocument | null;
  notes: TransferNote[];
}

interface Collected {
  items: XmlMarkup[];
  dependencies: Set<string>;
  notes: TransferNote[];
}

function collect(entries: readonly { version: ManifestQuestionVersion; options: Omit<ItemOptions, "ident">; where: string }[], targets: ReferenceTargets): Collected {
  const idents = new Identifiers();
  const collected: Collected = { items: [], dependencies: new Set(), notes: [] };
  for (const [position, { version, options, where }] of entries.entries()) {
    // Keyed by place, not version: a quiz may hold the same question twice, and idents are unique in the file.
    const result = qtiItem(version, { ...options, ident: idents.of(String(position), version.id) }, targets);
    if (!result.ok) {
      collected.notes.push({ where, message: result.reason });
      continue;
    }
    collected.items.push(result.item);
    for (const dependency of result.dependencies) collected.dependencies.add(dependency);
    for (const message of result.notes) collected.notes.push({ where, message });
    for (const reference of result.missing) collected.notes.push({ where, message: `It refers to ${reference}, which the course does not hold; the link goes nowhere.` });
  }
  return collected;
}

const questionLabel = (version: ManifestQuestionVersion, index: number) => (version.name.trim() ? `“${version.name.trim()}”` : `${index + 1}`);

function attemptsEntry(attempts: number | null, where: string, notes: TransferNote[]): string {
  if (attempts === null) return "unlimited";
  if (attempts <= 5) return String(attempts);
  notes.push({ where, message: `${attempts} attempts can't be said in a cartridge (it allows 1 to 5, or unlimited), so it says unlimited.` });
  return "unlimited";
}

function settingsNotes(task: ManifestTask, where: string): TransferNote[] {
  const quiz = task.quiz!;
  const lost: string[] = [];
  if (task.dueAt) lost.push(`the due date (${task.dueAt})`);
  if (quiz.shuffleQuestions) lost.push("shuffling the questions");
  if (quiz.gradingMethod !== "highest") lost.push(`grading by the ${quiz.gradingMethod} attempt`);
  if (quiz.reviewPolicy === "after_due") lost.push("showing answers only after the due date");
  return lost.length > 0 ? [{ where, message: `A cartridge's quiz has no place for ${lost.join(", ")}; those settings are left out.` }] : [];
}

export function assessmentContent(task: ManifestTask, identifier: string, source: QuestionSource): QtiContent {
  const quiz = task.quiz!;
  const where = `Quiz “${task.title}”`;
  const notes = settingsNotes(task, where);
  const slots = [...quiz.slots].sort((a, b) => a.position - b.position);
  const entries = slots.flatMap((slot, index) => {
    const question = slot.questionId === null ? undefined : source.questions.get(slot.questionId);
    if (question === undefined) return [];
    const version = currentVersion(question);
    const options = { points: slot.points ?? version.points, shuffleChoices: quiz.shuffleChoices, partialCredit: quiz.partialCredit };
    return [{ version, options, where: `${where}, question ${questionLabel(version, index)}` }];
  });
  const collected = collect(entries, source.targets);
  notes.push(...collected.notes);
  if (collected.items.length === 0) {
    notes.push({ where, message: "It has no question a cartridge can hold, so the quiz is left out of the cartridge; it is kept in the Jeevi backup format." });
    return { resource: null, document: null, notes };
  }
  const description = richTextHtml(task.description, source.targets);
  for (const dependency of description.dependencies) collected.dependencies.add(dependency);
  for (const reference of description.missing) notes.push({ where, message: `Its text refers to ${reference}, which the course does not hold; the link goes nowhere.` });
  const metadata = element(
    "qtimetadata",
    {},
    field("cc_profile", "cc.exam.v0p1"),
    field("qmd_assessmenttype", "Examination"),
    field("qmd_scoretype", "Percentage"),
    field("qmd_feedbackpermitted", quiz.reviewPolicy === "never" ? "No" : "Yes"),
    quiz.timeLimitMinutes === null ? null : field("qmd_timelimit", quiz.timeLimitMinutes),
    field("cc_maxattempts", attemptsEntry(quiz.attemptsAllowed, where, notes)),
  );
  const presentation = description.html
    ? element("presentation_material", {}, element("flow_mat", {}, element("material", {}, element("mattext", { texttype: "text/html" }, description.html))))
    : null;
  const path = assessmentPath(identifier);
  return {
    resource: { identifier, type: resourceTypes.assessment, href: path, files: [path], dependencies: [...collected.dependencies] },
    document: { path, content: root(element("assessment", { ident: identifier, title: task.title }, metadata, presentation, element("section", { ident: "root_section" }, collected.items))) },
    notes,
  };
}

export function questionBankContent(identifier: string, categoryId: string | null, questions: readonly ManifestQuestion[], source: QuestionSource): QtiContent {
  const category = source.categoryPath(categoryId);
  const where = `Question bank “${category}”`;
  const entries = questions.map((question, index) => {
    const version = currentVersion(question);
    return { version, options: { points: version.points, shuffleChoices: false, partialCredit: false, category }, where: `${where}, question ${questionLabel(version, index)}` };
  });
  const collected = collect(entries, source.targets);
  if (collected.items.length === 0) return { resource: null, document: null, notes: collected.notes };
  const path = questionBankPath(identifier);
  return {
    resource: { identifier, type: resourceTypes.questionBank, href: path, files: [path], dependencies: [...collected.dependencies] },
    // bank_title is Canvas's label for a bank's name, which importers (this site's too) read.
    document: { path, content: root(element("objectbank", { ident: identifier }, element("qtimetadata", {}, field("bank_title", category)), collected.items)) },
    notes: collected.notes,
  };
}
