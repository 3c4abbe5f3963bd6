import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses, courseTransfers } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { can, type Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";
import { recordAudit } from "@/lib/audit/record-audit";
import { deleteStoredFile } from "@/lib/storage/delete-file";
import { enqueueJob } from "@/lib/worker/enqueue";
import { courseTransfersQueue } from "@/lib/worker/queue-names";
import type { confirmImportSchema, copyCourseSchema, transferIdSchema } from "./transfer-options";

// The commands behind the copy and import forms and their API endpoints. Each
// only records what was asked and queues the work: the copying itself runs in
// the background (run-transfer.ts), whatever the course's size.

export { confirmImportSchema, copyCourseSchema, transferIdSchema } from "./transfer-options";

const courseMissing = "This course does not exist, or you cannot copy it.";
const importMissing = "This import does not exist, or it has already started.";

/** Queues a copy of a course the actor may edit, as a new draft the actor owns. */
export async function requestCourseCopy(tx: DbOrTx, actor: Actor, input: z.output<typeof copyCourseSchema>): Promise<{ transferId: string }> {
  const [course] = await tx
    .select({ id: courses.id, title: courses.title, status: courses.status, visibility: courses.visibility, teacherId: courses.teacherId })
    .from(courses)
    .where(and(eq(courses.id, input.courseId), taughtCourses(actor)));
  if (!course || !can(actor, "course.copy", course)) fail(courseMissing, {}, "not_found");
  const [transfer] = await tx
    .insert(courseTransfers)
    .values({
      kind: "copy",
      requestedBy: actor.id,
      sourceCourseId: course.id,
      label: course.title,
      options: { title: input.title ?? `${course.title} (copy)`.slice(0, 200), dateOffsetDays: input.dateOffsetDays },
    })
    .returning({ id: courseTransfers.id });
  await recordAudit(tx, { actorId: actor.id, action: "course.copy_requested", entityType: "course", entityId: course.id, after: { transferId: transfer!.id, title: input.title, dateOffsetDays: input.dateOffsetDays } });
  await enqueueJob(tx, courseTransfersQueue);
  return { transferId: transfer!.id };
}

/** The actor's own uploaded package still waiting for its confirmation, locked. */
async function lockUploaded(tx: DbOrTx, actor: Actor, transferId: string) {
  const [transfer] = await tx
    .select()
    .from(courseTransfers)
    .where(and(eq(courseTransfers.id, transferId), eq(courseTransfers.requestedBy, actor.id), eq(courseTransfers.status, "uploaded")))
    .for("update");
  if (!transfer || !can(actor, "course.import")) fail(importMissing, {}, "not_found");
  return transfer;
}

/** Starts an import the actor previewed, with the choices it made. */
export async function confirmImport(tx: DbOrTx, actor: Actor, input: z.output<typeof confirmImportSchema>): Promise<{ transferId: string }> {
  const transfer = await lockUploaded(tx, actor, input.transferId);
  const hasWork = transfer.options.hasWork === true;
  if (input.withWork && !hasWork) fail("This package holds no enrolments or work to restore.", { withWork: ["This package holds no enrolments or work to restore."] });
  const { transferId: _id, ...options } = input;
  await tx
    .update(courseTransfers)
    .set({ status: "queued", options: { ...transfer.options, ...options } })
    .where(eq(courseTransfers.id, transfer.id));
  await recordAudit(tx, { actorId: actor.id, action: "course.import_requested", entityType: "course_transfer", entityId: transfer.id, after: { kind: transfer.kind, file: transfer.label, ...options } });
  await enqueueJob(tx, courseTransfersQueue);
  return { transferId: transfer.id };
}

/** Drops an uploaded package the actor decided not to import. */
export async function cancelImport(tx: DbOrTx, actor: Actor, input: z.output<typeof transferIdSchema>): Promise<{ transferId: string }> {
  const transfer = await lockUploaded(tx, actor, input.transferId);
  await tx.delete(courseTransfers).where(eq(courseTransfers.id, transfer.id));
  // Last: deleting the stored bytes cannot be rolled back.
  if (transfer.archiveFileId) await deleteStoredFile(tx, transfer.archiveFileId);
  return { transferId: transfer.id };
}
