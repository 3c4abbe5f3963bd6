import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { questionCategories, questionFiles } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { markCourseEdited } from "@/lib/authoring/course-access";
import { questionImagePath } from "@/lib/content/safe-url";
import type { ImportFormat } from "@/lib/question-formats/formats";
import { requireCourseCategory } from "@/lib/quizzes/authoring/slots";
import { RejectedFile } from "@/lib/storage/receive-file";
import { storeFile } from "@/lib/storage/store-file";
import { lockBankCourse } from "../access";
import { insertBankQuestions } from "../insert-bank-questions";
import type { QuestionContent } from "../write-version";
import type { PreparedImport } from "./prepare-import";

const maxImageBytes = 10 * 1024 * 1024;

/** Finds or makes each category path below the import's category; one lookup per level, as paths are few and short. */
async function resolveCategories(tx: DbOrTx, courseId: string, rootId: string | null, paths: string[][]): Promise<{ idOf: Map<string, string | null>; created: number }> {
  const idOf = new Map<string, string | null>([["", rootId]]);
  let created = 0;
  for (const path of paths) {
    let parentId = rootId;
    for (let depth = 1; depth <= path.length; depth++) {
      const key = path.slice(0, depth).join("\u0000");
      const known = idOf.get(key);
      if (known !== undefined) {
        parentId = known;
        continue;
      }
      const name = path[depth - 1]!;
      const siblings = await tx
        .select({ id: questionCategories.id, name: questionCategories.name })
        .from(questionCategories)
        .where(and(eq(questionCategories.courseId, courseId), parentId ? eq(questionCategories.parentId, parentId) : isNull(questionCategories.parentId)));
      let id = siblings.find((sibling) => sibling.name.toLowerCase() === name.toLowerCase())?.id;
      if (!id) {
        const [row] = await tx.insert(questionCategories).values({ courseId, parentId, name }).returning({ id: questionCategories.id });
        id = row!.id;
        created += 1;
      }
      idOf.set(key, id);
      parentId = id;
    }
  }
  return { idOf, created };
}

const attachmentPattern = /attachment:([^\s)"'<>]+)/g;

function rewriteAttachments(content: QuestionContent, pathOf: ReadonlyMap<string, string>): QuestionContent {
  const rewrite = (text: string) =>
    text.replace(attachmentPattern, (whole, name: string) => {
      const decoded = (() => {
        try {
          return decodeURIComponent(name);
        } catch {
          return name;
        }
      })();
      return pathOf.get(name) ?? pathOf.get(decoded) ?? whole;
    });
  return {
    ...content,
    text: rewrite(content.text),
    explanation: rewrite(content.explanation),
    choices: content.choices.map((choice) => ({ ...choice, text: rewrite(choice.text), feedback: choice.feedback === undefined ? undefined : rewrite(choice.feedback) })),
  };
}

/**
 * Saves a prepared import into the course's bank, all or nothing: the
 * categories its questions name (made below the chosen one when missing), the
 * images they show (stored, then served only to the course's readers), and
 * every question as version 1. Audited with what came in.
 */
export async function saveImport(
  tx: DbOrTx,
  actor: Actor,
  { courseId, categoryId, format, fileName, prepared }: { courseId: string; categoryId: string | null; format: ImportFormat; fileName: string; prepared: PreparedImport },
) {
  const course = await lockBankCourse(tx, actor, courseId);
  if (categoryId) await requireCourseCategory(tx, course.id, categoryId);
  if (prepared.questions.length === 0) fail("The file has no question that can be imported; nothing was saved.");

  const paths = [...new Map(prepared.questions.filter((question) => question.category.length > 0).map((question) => [question.category.join("\u0000"), question.category])).values()];
  const { idOf, created } = await resolveCategories(tx, course.id, categoryId, paths);

  const referenced = new Set(prepared.questions.flatMap((question) => [...JSON.stringify(question.content).matchAll(attachmentPattern)].map((match) => match[1]!)));
  const pathOf = new Map<string, string>();
  for (const file of prepared.files) {
    if (!referenced.has(file.name) && !referenced.has(encodeURIComponent(file.name))) continue;
    try {
      const stored = await storeFile(tx, { content: file.data, originalName: file.name, allowedKinds: ["image"], maxBytes: maxImageBytes, uploadedBy: actor.id, courseId: course.id });
      await tx.insert(questionFiles).values({ fileId: stored.id, courseId: course.id });
      pathOf.set(file.name, questionImagePath(stored.id));
      pathOf.set(encodeURIComponent(file.name), questionImagePath(stored.id));
    } catch (error) {
      if (error instanceof RejectedFile) fail(`The image ${file.name} could not be stored: ${error.userMessage} Nothing was saved.`);
      throw error;
    }
  }

  const inserted = await insertBankQuestions(
    tx,
    course.id,
    actor.id,
    prepared.questions.map((question) => ({
      content: rewriteAttachments(question.content, pathOf),
      categoryId: idOf.get(question.category.join("\u0000")) ?? categoryId,
      tags: question.tags,
    })),
  );
  await recordAudit(tx, {
    actorId: actor.id,
    action: "questions.imported",
    entityType: "course",
    entityId: course.id,
    after: { format, fileName: fileName.slice(0, 255), questions: inserted.length, categoriesCreated: created, images: pathOf.size / 2, problems: prepared.problems.length },
  });
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, imported: inserted.length, categoriesCreated: created, entryIds: inserted.map((question) => question.entryId) };
}
