// Builders for the assignment integration tests. Not a test file.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { assignments, auditLog, learningTasks, storedFiles, taskProgress, type Assignment } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { ActionFailure } from "@/lib/actions/result";
import { createActor, createCourse, insertEnrollment } from "./learning-fixtures";
import { testDb } from "./helpers";

export const day = 24 * 60 * 60 * 1000;

/** A published course with one published assignment, its teacher and an enrolled student. */
export async function assignmentSetUp(settings: Partial<Assignment> & { dueAt?: Date | null; maxPoints?: number } = {}) {
  const teacher = await createActor("teacher");
  const student = await createActor("student");
  const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
  await insertEnrollment(student.id, course.id);
  const { dueAt = null, maxPoints = 20, ...assignmentSettings } = settings;
  const [task] = await testDb()
    .insert(learningTasks)
    .values({ courseId: course.id, moduleId: course.moduleIds[0], type: "assignment", title: "Lab report", status: "published", dueAt, maxPoints })
    .returning();
  await testDb()
    .insert(assignments)
    .values({ taskId: task!.id, allowedFileTypes: ["pdf"], maxFiles: 2, textEntry: true, ...assignmentSettings });
  return { teacher, student, course, taskId: task!.id };
}

/** A stored file as an upload would record it. */
export async function storedFile(uploadedBy: string, courseId: string, overrides: Partial<typeof storedFiles.$inferInsert> = {}) {
  const [file] = await testDb()
    .insert(storedFiles)
    .values({
      storageKey: `test/${randomUUID()}`,
      originalName: "report.pdf",
      mimeType: "application/pdf",
      sizeBytes: 2048,
      sha256: "0".repeat(64),
      uploadedBy,
      courseId,
      ...overrides,
    })
    .returning();
  return file!;
}

/** Runs domain work in a transaction, as an action would. */
export const inTx = <T>(work: (tx: DbOrTx) => Promise<T>): Promise<T> => testDb().transaction((tx) => work(tx));

/** The refusal message of work that must fail. */
export async function refusal(work: Promise<unknown>): Promise<ActionFailure> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ActionFailure) return error;
    throw error;
  }
  throw new Error("expected the work to be refused");
}

export async function progressOf(userId: string, taskId: string) {
  const rows = await testDb().select().from(taskProgress).where(eq(taskProgress.userId, userId));
  return rows.find((row) => row.taskId === taskId) ?? null;
}

export const auditOf = (entityId: string) => testDb().select().from(auditLog).where(eq(auditLog.entityId, entityId));
