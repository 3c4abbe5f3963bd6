import "server-only";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { learningTasks, questionBankEntries, questionFiles, quizSlots, storedFiles } from "@/db/schema";
import { missing } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import type { ExportFormat } from "@/lib/question-formats/formats";
import { exportGift } from "@/lib/question-formats/gift/export-gift";
import { exportMoodleXml } from "@/lib/question-formats/moodle-xml/export-moodle-xml";
import type { PortableFile, PortableQuestion } from "@/lib/question-formats/portable-question";
import { exportQti3Package } from "@/lib/question-formats/qti/export-qti";
import { loadCurrentVersions } from "@/lib/quizzes/authoring/stored-questions";
import { readStreamCapped } from "@/lib/security/read-capped-text";
import { getStorage } from "@/lib/storage";
import { findBankCourse } from "../access";
import { categoryAndDescendants, loadCategoryTree } from "../category-tree";
import { contentToPortable } from "./content-to-portable";

export interface ExportedFile {
  data: Uint8Array | string;
  contentType: string;
  fileName: string;
  /** Questions the format cannot express, by title. */
  skipped: string[];
  count: number;
}

const imagePathPattern = /\/api\/files\/questions\/([0-9a-f-]{36})/gi;

/** The questions' images, read back from storage, and their texts pointing at them by name as the formats expect. */
async function embedImages(db: DbOrTx, courseId: string, questions: PortableQuestion[]): Promise<{ questions: PortableQuestion[]; files: PortableFile[] }> {
  const ids = [...new Set(questions.flatMap((question) => [...JSON.stringify(question).matchAll(imagePathPattern)].map((match) => match[1]!.toLowerCase())))];
  if (ids.length === 0) return { questions, files: [] };
  const rows = await db
    .select({ id: storedFiles.id, storageKey: storedFiles.storageKey, name: storedFiles.originalName, mimeType: storedFiles.mimeType })
    .from(questionFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, questionFiles.fileId))
    .where(and(eq(questionFiles.courseId, courseId), inArray(questionFiles.fileId, ids)));
  const files: PortableFile[] = [];
  const nameOf = new Map<string, string>();
  for (const row of rows) {
    const stream = await getStorage().get(row.storageKey);
    if (!stream) continue;
    // Names are made unique with the file's id, since two imports may each have had an "image1.png".
    const name = `${row.id.slice(0, 8)}-${row.name.replace(/[^\w.-]/g, "_")}`;
    nameOf.set(row.id, name);
    files.push({ name, contentType: row.mimeType, data: (await readStreamCapped(stream, Number.MAX_SAFE_INTEGER))! });
  }
  const rewrite = (text: string) => text.replace(imagePathPattern, (whole, id: string) => (nameOf.has(id.toLowerCase()) ? `attachment:${nameOf.get(id.toLowerCase())}` : whole));
  return { questions: questions.map((question) => JSON.parse(rewrite(JSON.stringify(question))) as PortableQuestion), files };
}

/**
 * The course's bank questions (all, one category with its subcategories, or
 * one quiz's chosen questions in its order) in an exchange format. The
 * course's teacher and admins only; anything else reads as not found.
 */
export async function exportQuestions(
  db: DbOrTx,
  actor: Actor,
  { courseId, format, categoryId, taskId }: { courseId: string; format: ExportFormat; categoryId?: string; taskId?: string },
): Promise<ExportedFile | null> {
  const course = await findBankCourse(db, actor, courseId);
  if (!course) return null;
  const tree = await loadCategoryTree(db, course.id);
  if (categoryId && !tree.some((category) => category.id === categoryId)) missing("This category does not exist.");

  let entryIds: string[];
  if (taskId) {
    const [quiz] = await db
      .select({ id: learningTasks.id })
      .from(learningTasks)
      .where(and(eq(learningTasks.id, taskId), eq(learningTasks.courseId, course.id), eq(learningTasks.type, "quiz")));
    if (!quiz) missing("This quiz does not exist.");
    const slots = await db.select({ entryId: quizSlots.entryId }).from(quizSlots).where(eq(quizSlots.taskId, quiz.id)).orderBy(asc(quizSlots.position));
    entryIds = slots.flatMap((slot) => (slot.entryId ? [slot.entryId] : []));
  } else {
    const within = categoryId ? [...categoryAndDescendants(tree, categoryId)] : null;
    const rows = await db
      .select({ id: questionBankEntries.id })
      .from(questionBankEntries)
      .where(and(eq(questionBankEntries.courseId, course.id), isNull(questionBankEntries.deletedAt), within ? inArray(questionBankEntries.categoryId, within) : undefined))
      .orderBy(asc(questionBankEntries.categoryId), desc(questionBankEntries.createdAt), asc(questionBankEntries.id));
    entryIds = rows.map((row) => row.id);
  }
  const entries = await db
    .select({ id: questionBankEntries.id, categoryId: questionBankEntries.categoryId, tags: questionBankEntries.tags })
    .from(questionBankEntries)
    .where(inArray(questionBankEntries.id, entryIds.length > 0 ? entryIds : ["00000000-0000-0000-0000-000000000000"]));
  const entryOf = new Map(entries.map((entry) => [entry.id, entry]));
  const pathOf = new Map(tree.map((category) => [category.id, category.path.split(" / ")]));
  const versions = await loadCurrentVersions(db, entryIds, course.id);
  const portable = versions.map((question) => {
    const entry = entryOf.get(question.entryId);
    return contentToPortable(question, { category: entry?.categoryId ? (pathOf.get(entry.categoryId) ?? []) : [], tags: entry?.tags ?? [] });
  });
  // GIFT carries no files: its text keeps the link to the image on this site.
  const { questions, files } = format === "gift" ? { questions: portable, files: [] } : await embedImages(db, course.id, portable);
  const titleOf = (index: number) => questions[index]?.name || questions[index]?.text.slice(0, 60) || `question ${index + 1}`;
  const base = `${course.slug}-questions`;

  if (format === "gift") {
    const result = exportGift(questions);
    return { data: result.text, contentType: "text/plain; charset=utf-8", fileName: `${base}.gift.txt`, skipped: result.skipped.map((skip: { index: number }) => titleOf(skip.index)), count: questions.length - result.skipped.length };
  }
  if (format === "moodle_xml") {
    const result = exportMoodleXml(questions, files);
    return { data: result.xml, contentType: "application/xml; charset=utf-8", fileName: `${base}.moodle.xml`, skipped: result.skipped.map((skip: { index: number }) => titleOf(skip.index)), count: questions.length - result.skipped.length };
  }
  const result = exportQti3Package(questions, files);
  return { data: result.zip, contentType: "application/zip", fileName: `${base}.qti3.zip`, skipped: result.skipped.map((skip: { index: number }) => titleOf(skip.index)), count: questions.length - result.skipped.length };
}
