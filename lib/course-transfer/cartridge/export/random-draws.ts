import type { CourseManifest, ManifestQuestion, TransferNote } from "@/lib/course-transfer/manifest";
import type { Identifiers } from "./identifiers";

// A cartridge's assessment has no random draw (the profile removed QTI's
// selection rules), and writing the questions a draw happens to match today
// would turn "any 3 of these" into "these 3". So each draw is left out of its
// quiz, said so, and the categories it draws from go out whole as question
// banks, from which the importing teacher can rebuild the draw.

export interface BankPlan {
  categoryId: string | null;
  identifier: string;
  questions: ManifestQuestion[];
}

export const noCategory = "Questions without a category";

export function categoryPaths(manifest: CourseManifest): (categoryId: string | null) => string {
  const byId = new Map(manifest.questionCategories.map((category) => [category.id, category]));
  return (categoryId) => {
    if (categoryId === null) return noCategory;
    const names: string[] = [];
    // Bounded by the number of categories: a loop in the parents (refused on import) cannot hang the export.
    for (let at = byId.get(categoryId); at && names.length <= byId.size; at = at.parentId === null ? undefined : byId.get(at.parentId)) names.unshift(at.name);
    return names.join("/");
  };
}

function withSubcategories(manifest: CourseManifest, categoryId: string | null): (string | null)[] {
  if (categoryId === null) return [null, ...manifest.questionCategories.map((category) => category.id)];
  const found = [categoryId];
  for (let index = 0; index < found.length; index++) {
    for (const category of manifest.questionCategories) if (category.parentId === found[index] && !found.includes(category.id)) found.push(category.id);
  }
  return found;
}

export function planQuestionBanks(manifest: CourseManifest, ids: Identifiers): { banks: BankPlan[]; notes: TransferNote[] } {
  const pathOf = categoryPaths(manifest);
  const notes: TransferNote[] = [];
  const drawn: (string | null)[] = [];
  for (const task of manifest.tasks) {
    for (const slot of task.quiz?.slots ?? []) {
      if (slot.questionId !== null) continue;
      const categories = slot.includeSubcategories ? withSubcategories(manifest, slot.categoryId) : [slot.categoryId];
      for (const category of categories) if (!drawn.includes(category)) drawn.push(category);
      const from = `“${pathOf(slot.categoryId)}”${slot.includeSubcategories ? " and its subcategories" : ""}${slot.tag ? ` tagged “${slot.tag}”` : ""}`;
      const banks = categories.map((category) => `“${pathOf(category)}”`).join(", ");
      notes.push({
        where: `Quiz “${task.title}”`,
        message: `Its random draw of ${slot.drawCount} question${slot.drawCount === 1 ? "" : "s"} from ${from} can't be said in a cartridge, which has no random draws: the draw is left out of the quiz, and the questions it draws from go into the cartridge as the question bank${categories.length === 1 ? "" : "s"} ${banks}.`,
      });
    }
  }
  const banks = drawn.map((categoryId) => ({
    categoryId,
    identifier: ids.of(`bank:${categoryId ?? ""}`, `bank_${categoryId ?? "none"}`),
    questions: manifest.questions.filter((question) => !question.deleted && question.categoryId === categoryId),
  }));
  return { banks: banks.filter((bank) => bank.questions.length > 0), notes };
}
