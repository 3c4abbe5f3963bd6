import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { enrollments, storedFiles, submissionFiles, submissions, taskProgress } from "@/db/schema";
import { fail, missing } from "@/lib/actions/result";
import { can, type Actor } from "@/lib/auth/policy";
import { requireReleased } from "@/lib/pacing/require-released";
import { describeSize } from "@/lib/storage/limits";
import { loadAssignmentInCourse } from "./assignment-access";
import { describeAllowedTypes, mimeAllowed } from "./file-types";
import { lateness, submissionWindow } from "./lateness";
import type { SubmitWorkInput } from "./schemas";

export const assignmentNotFoundMessage = "This assignment does not exist or you are not enrolled in its course.";

export interface SubmissionReceipt {
  submissionId: string;
  taskId: string;
  courseSlug: string;
  version: number;
  submittedAt: Date;
  isLate: boolean;
  daysLate: number;
  textLength: number;
  files: { id: string; name: string; sizeBytes: number }[];
}

const megabyte = 1024 * 1024;

/**
 * Hands in a new version of the acting student's work. Earlier versions are
 * kept (no longer current) for the teacher; a released grade closes the
 * assignment for the student until the teacher returns the work. The receipt
 * lists exactly what was stored.
 */
export async function submitWork(
  tx: DbOrTx,
  actor: Actor,
  input: Required<SubmitWorkInput>,
  now: Date = new Date(),
): Promise<SubmissionReceipt> {
  const target = await loadAssignmentInCourse(tx, actor, input.taskId, { lockEnrollment: true });
  if (!target || target.task.status !== "published" || !can(actor, "assignment.submit", target.course)) {
    missing(assignmentNotFoundMessage);
  }
  await requireReleased(
    tx,
    actor,
    { courseId: target.course.id, item: { kind: "task", id: input.taskId }, noun: "assignment", hasRules: target.course.hasRules },
    now,
  );
  const { assignment, task, course } = target;

  const window = submissionWindow({ dueAt: task.dueAt, ...assignment }, now);
  if (window === "closed") fail("The due date has passed and this assignment does not take late work.");

  const text = input.text.trim();
  const fileIds = [...new Set(input.fileIds)];
  if (text !== "" && !assignment.textEntry) fail("This assignment takes files only.", { text: ["Remove the text: hand in files only."] });
  if (fileIds.length > assignment.maxFiles) {
    const limit = assignment.maxFiles === 0 ? "no files" : `at most ${assignment.maxFiles} file${assignment.maxFiles === 1 ? "" : "s"}`;
    fail(`This assignment takes ${limit}.`, { fileIds: [`Hand in ${limit}.`] });
  }
  if (text === "" && fileIds.length === 0) {
    fail("There is nothing to hand in yet.", {
      [assignment.textEntry ? "text" : "fileIds"]: [assignment.textEntry ? "Write your answer or add a file." : "Add a file."],
    });
  }

  // Only the student's own uploads for this course can be handed in.
  const files =
    fileIds.length === 0
      ? []
      : await tx
          .select({ id: storedFiles.id, name: storedFiles.originalName, mimeType: storedFiles.mimeType, sizeBytes: storedFiles.sizeBytes })
          .from(storedFiles)
          .where(and(inArray(storedFiles.id, fileIds), eq(storedFiles.uploadedBy, actor.id), eq(storedFiles.courseId, course.id)));
  if (files.length !== fileIds.length) fail("One of the files could not be found. Upload it again.", { fileIds: ["Upload the file again."] });
  const maxBytes = assignment.maxFileSizeMb * megabyte;
  for (const file of files) {
    if (!mimeAllowed(file.mimeType, assignment.allowedFileTypes)) {
      fail(`"${file.name}" is not a type this assignment takes (${describeAllowedTypes(assignment.allowedFileTypes)}).`, {
        fileIds: [`Hand in ${describeAllowedTypes(assignment.allowedFileTypes)}.`],
      });
    }
    if (file.sizeBytes > maxBytes) {
      fail(`"${file.name}" is larger than ${describeSize(maxBytes)}.`, { fileIds: [`Each file may be up to ${describeSize(maxBytes)}.`] });
    }
  }

  const [latest] = await tx
    .select({ version: submissions.version, gradeStatus: submissions.gradeStatus, isCurrent: submissions.isCurrent })
    .from(submissions)
    .where(and(eq(submissions.taskId, task.id), eq(submissions.userId, actor.id)))
    .orderBy(desc(submissions.version))
    .limit(1);
  if (latest?.isCurrent && latest.gradeStatus === "released") {
    fail("Your work has been graded. You can hand in again only if your teacher returns it to you.");
  }

  const late = lateness(task.dueAt, now);
  if (latest) {
    await tx
      .update(submissions)
      .set({ isCurrent: false })
      .where(and(eq(submissions.taskId, task.id), eq(submissions.userId, actor.id), eq(submissions.isCurrent, true)));
  }
  const version = (latest?.version ?? 0) + 1;
  const [created] = await tx
    .insert(submissions)
    .values({ taskId: task.id, userId: actor.id, version, text, submittedAt: now, isLate: late.isLate, daysLate: late.daysLate })
    .returning({ id: submissions.id });
  const submissionId = created!.id;
  // Files keep the order the student chose.
  const ordered = fileIds.map((fileId) => files.find((file) => file.id === fileId)!);
  if (ordered.length > 0) {
    await tx.insert(submissionFiles).values(ordered.map((file, position) => ({ submissionId, fileId: file.id, position })));
  }

  await tx
    .insert(taskProgress)
    .values({ userId: actor.id, taskId: task.id, status: "submitted", startedAt: now, submissionData: { submissionId, version } })
    .onConflictDoUpdate({
      target: [taskProgress.userId, taskProgress.taskId],
      set: {
        status: "submitted",
        submissionData: { submissionId, version },
        startedAt: sql`coalesce(${taskProgress.startedAt}, excluded.started_at)`,
        updatedAt: now,
      },
    });
  if (course.enrollmentId) await tx.update(enrollments).set({ lastActivityAt: now }).where(eq(enrollments.id, course.enrollmentId));

  return {
    submissionId,
    taskId: task.id,
    courseSlug: course.slug,
    version,
    submittedAt: now,
    isLate: late.isLate,
    daysLate: late.daysLate,
    textLength: text.length,
    files: ordered.map((file) => ({ id: file.id, name: file.name, sizeBytes: file.sizeBytes })),
  };
}
