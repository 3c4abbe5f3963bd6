import { htmlToMarkdown } from "@/lib/question-formats/html-to-markdown";
import type { ManifestTask } from "../../manifest";
import { splitHref } from "./cartridge-paths";
import { readCanvasQuizMeta } from "./canvas-quiz-meta";
import { rewriteHtml } from "./html-references";
import type { ImportContext } from "./import-context";
import { fitMarkdown, titleOf, type ModulePlace } from "./module-place";
import type { OutlineEntry } from "./outline";
import { addQuestions, readQti, type QtiRead } from "./quiz-questions";
import type { CartridgeResource } from "./read-manifest";
import { filesWithDependencies } from "./resource-files";

// QTI resources. An assessment becomes a draft quiz of its module whose slots
// choose its questions in order (a random draw stays a draw), the questions
// filed in a category named after it; a question bank becomes a category of
// questions that quizzes may draw from. Banks are read first, so a quiz's
// references to bank questions find them.

type Slot = NonNullable<ManifestTask["quiz"]>["slots"][number];

export async function importQuestionBank(context: ImportContext, resource: CartridgeResource) {
  const where = `Question bank ${resource.href ?? resource.identifier} (${resource.type})`;
  const read = await readQti(context, resource, where);
  if (!read) return;
  const categoryId = context.addCategory(read.result.title || "Question bank", null, resource.identifier);
  if (!categoryId) return;
  const added = addQuestions(context, read.result, () => categoryId, where);
  for (const [index, question] of added) context.bankQuestions.set(read.result.idents[index] ?? "", question.id);
  context.bankCategories.set(resource.identifier, categoryId);
  if (read.result.bankIdent) context.bankCategories.set(read.result.bankIdent, categoryId);
}

/** The categories of an assessment's questions: its own, and one below it per group that draws at random. */
function categoriesOf(context: ImportContext, read: QtiRead, title: string, preferredId: string | null) {
  const own = context.addCategory(title, null, preferredId);
  const byIndex = new Map<number, string>();
  const groups = new Map<number, string>();
  if (!own) return null;
  for (const [position, entry] of read.result.order.entries()) {
    if (entry.kind !== "draw" || !("group" in entry.from)) continue;
    const group = context.addCategory(entry.from.group, own, null);
    if (!group) continue;
    groups.set(position, group);
    for (const index of entry.from.indices) byIndex.set(index, group);
  }
  return { own, groups, of: (index: number) => byIndex.get(index) ?? own };
}

function slotsOf(context: ImportContext, read: QtiRead, added: Map<number, { id: string; points: number }>, groups: Map<number, string>, where: string): Slot[] {
  const slots: Omit<Slot, "position">[] = [];
  const pointsIn = (categoryId: string) => context.draft.questions.find((question) => question.categoryId === categoryId)?.versions[0]?.points ?? 1;
  for (const [position, entry] of read.result.order.entries()) {
    const fixed = { categoryId: null, includeSubcategories: false, tag: null, drawCount: 1, points: null };
    if (entry.kind === "question") {
      const question = added.get(entry.index);
      if (question) slots.push({ ...fixed, questionId: question.id });
    } else if (entry.kind === "bankQuestion") {
      const questionId = context.bankQuestions.get(entry.ident);
      if (questionId) slots.push({ ...fixed, questionId });
      else context.note(where, `A question taken from a question bank (${entry.ident}) is not in the cartridge; it was left out.`);
    } else {
      const categoryId = "bank" in entry.from ? context.bankCategories.get(entry.from.bank) : groups.get(position);
      const source = "bank" in entry.from ? `the question bank ${entry.from.bank}` : `the group “${entry.from.group}”`;
      if (!categoryId || !context.draft.questions.some((question) => question.categoryId === categoryId)) {
        context.note(where, `A random draw from ${source} has no questions to draw in this cartridge; it was left out.`);
        continue;
      }
      const points = Math.min(1000, Math.max(1, Math.round(entry.points ?? pointsIn(categoryId))));
      slots.push({ questionId: null, categoryId, includeSubcategories: false, tag: null, drawCount: Math.min(100, Math.max(1, entry.count)), points });
    }
  }
  if (slots.length > 1000) context.note(where, "A quiz holds at most 1000 questions and draws; the rest were left out.");
  return slots.slice(0, 1000).map((slot, position) => ({ ...slot, position }));
}

function maxPointsOf(context: ImportContext, slots: readonly Slot[]): number | null {
  const pointsOf = new Map(context.draft.questions.map((question) => [question.id, question.versions[0]!.points]));
  const total = slots.reduce((sum, slot) => sum + (slot.points ?? (slot.questionId ? (pointsOf.get(slot.questionId) ?? 0) : 0)) * slot.drawCount, 0);
  return total >= 1 ? Math.min(100_000, total) : null;
}

async function canvasMeta(context: ImportContext, resource: CartridgeResource, where: string) {
  const metaHref = filesWithDependencies(context, resource).find((file) => /(^|\/)assessment_meta\.xml$/i.test(file));
  const located = metaHref ? context.entries.locate("", splitHref(metaHref).path) : null;
  if (located?.kind !== "found") return null;
  const xml = await context.readText(located.path, where);
  const meta = xml ? readCanvasQuizMeta(xml) : null;
  return meta ? { ...meta, path: located.path } : null;
}

export async function importAssessment(context: ImportContext, entry: OutlineEntry, place: ModulePlace) {
  const resource = entry.resource!;
  const read = await readQti(context, resource, entry.where);
  if (!read || !context.room("tasks")) return;
  const title = titleOf(entry.title, read.result.title, "Quiz");
  const categories = categoriesOf(context, read, title, resource.identifier);
  if (!categories) return;
  const added = addQuestions(context, read.result, categories.of, entry.where);
  const slots = slotsOf(context, read, added, categories.groups, entry.where);
  if (slots.length === 0) context.note(entry.where, "The quiz has no questions that could be imported; it was kept empty.");
  const meta = await canvasMeta(context, resource, entry.where);
  // Canvas's settings say more than the QTI, so they win where both speak.
  const descriptionFrom = meta?.descriptionHtml ? { html: meta.descriptionHtml, path: meta.path } : { html: read.result.descriptionHtml, path: read.path };
  const description = descriptionFrom.html
    ? fitMarkdown(context, htmlToMarkdown(rewriteHtml(context, descriptionFrom.html, { fromPath: descriptionFrom.path, role: "content", where: entry.where })), entry.where)
    : "";
  const attempts = meta?.settings.attemptsAllowed !== undefined ? meta.settings.attemptsAllowed : read.result.settings.attemptsAllowed;
  if (attempts !== undefined && attempts !== null && attempts > 100) context.note(entry.where, `The quiz allowed ${attempts} attempts; a quiz here allows at most 100.`);
  const minutes = meta?.settings.timeLimitMinutes ?? read.result.settings.timeLimitMinutes;
  context.draft.tasks.push({
    id: context.ids.take("task", entry.identifier),
    moduleId: place.moduleId,
    type: "quiz",
    title,
    description,
    status: "draft",
    dueAt: null,
    maxPoints: maxPointsOf(context, slots),
    position: context.nextTaskPosition(),
    quiz: {
      timeLimitMinutes: minutes !== undefined ? Math.min(1440, minutes) : null,
      attemptsAllowed: attempts === undefined ? 1 : attempts === null ? null : Math.min(100, attempts),
      gradingMethod: meta?.settings.gradingMethod ?? "highest",
      shuffleQuestions: false,
      shuffleChoices: meta?.settings.shuffleChoices ?? read.result.settings.shuffleChoices ?? false,
      partialCredit: false,
      reviewPolicy: "after_submit",
      slots,
    },
    assignment: null,
  });
}

/** An assessment the outline does not name: no quiz, but its questions are kept in the bank. */
export async function keepAssessmentQuestions(context: ImportContext, resource: CartridgeResource) {
  const where = `${resource.href ?? resource.identifier} (${resource.type})`;
  const read = await readQti(context, resource, where);
  if (!read) return;
  const categoryId = context.addCategory(read.result.title || "Quiz", null, resource.identifier);
  if (!categoryId) return;
  const added = addQuestions(context, read.result, () => categoryId, where);
  if (added.size === 0) return;
  const name = context.draft.questionCategories.find((category) => category.id === categoryId)!.name;
  context.note(where, `The quiz is not in the course outline, so no quiz was made; its ${added.size} question${added.size === 1 ? " is" : "s are"} in the question bank category “${name}”.`);
}
