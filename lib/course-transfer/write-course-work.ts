import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { enrollments, lessonCompletions, quizAnswers, quizAttempts, submissionFiles, submissions, taskProgress, users, type StoredResponse } from "@/db/schema";
import { insertInChunks } from "./insert-in-chunks";
import type { CourseManifest, TransferNote } from "./manifest";

interface WorkContext {
  courseId: string;
  /** The new id of a document record (kinds: lesson, task, version, choice, file). */
  idFor: (kind: string, id: string) => string;
  notes: TransferNote[];
}

const date = (value: string) => new Date(value);
const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * Restores an archive's enrolments and work for the students this site knows
 * (matched by email, case-insensitively). Work of anyone else is left out and
 * counted in the report: a restore never makes accounts. Returns the document's
 * user ids mapped to this site's.
 */
export async function writeCourseWork(tx: DbOrTx, manifest: CourseManifest, { courseId, idFor, notes }: WorkContext): Promise<Map<string, string>> {
  const work = manifest.work!;
  const emails = [...new Set(work.users.map((user) => user.email.toLowerCase()))];
  const known = emails.length
    ? await tx.select({ id: users.id, email: users.email, role: users.role }).from(users).where(inArray(sql`lower(${users.email})`, emails))
    : [];
  const siteUser = new Map(known.map((user) => [user.email.toLowerCase(), user]));
  const userOf = new Map<string, string>();
  const students = new Set<string>();
  for (const user of work.users) {
    const match = siteUser.get(user.email.toLowerCase());
    if (!match) continue;
    userOf.set(user.id, match.id);
    if (match.role === "student") students.add(user.id);
  }
  const unknown = work.users.length - userOf.size;
  if (unknown > 0) notes.push({ where: "Enrolments and work", message: `${unknown} ${unknown === 1 ? "person" : "people"} in the archive ${unknown === 1 ? "has" : "have"} no account on this site (matched by email); their work was left out.` });
  const notStudents = work.enrollments.filter((row) => userOf.has(row.userId) && !students.has(row.userId)).length;
  if (notStudents > 0) notes.push({ where: "Enrolments", message: `${notStudents} enrolment${notStudents === 1 ? " belongs" : "s belong"} to an account that is not a student here and ${notStudents === 1 ? "was" : "were"} left out.` });

  const ofStudent = <T extends { userId: string }>(rows: readonly T[]) => rows.filter((row) => students.has(row.userId));
  const user = (id: string) => userOf.get(id)!;

  await insertInChunks(
    tx,
    enrollments,
    ofStudent(work.enrollments).map((row) => ({
      userId: user(row.userId),
      courseId,
      status: row.status,
      enrolledAt: date(row.enrolledAt),
      completedAt: row.status === "completed" ? (dateOrNull(row.completedAt) ?? date(row.lastActivityAt)) : null,
      progressPercent: row.progressPercent,
      lastActivityAt: date(row.lastActivityAt),
    })),
  );
  await insertInChunks(
    tx,
    lessonCompletions,
    ofStudent(work.lessonCompletions).map((row) => ({ userId: user(row.userId), lessonId: idFor("lesson", row.lessonId), completedAt: date(row.completedAt) })),
  );
  await insertInChunks(
    tx,
    taskProgress,
    ofStudent(work.taskProgress).map((row) => ({
      userId: user(row.userId),
      taskId: idFor("task", row.taskId),
      status: row.status,
      pointsEarned: row.pointsEarned,
      startedAt: dateOrNull(row.startedAt),
      completedAt: row.status === "completed" || row.status === "graded" ? dateOrNull(row.completedAt) : null,
    })),
  );

  const handIns = ofStudent(work.submissions).map((row) => ({ row, id: crypto.randomUUID() }));
  await insertInChunks(
    tx,
    submissions,
    handIns.map(({ row, id }) => ({
      id,
      taskId: idFor("task", row.taskId),
      userId: user(row.userId),
      version: row.version,
      isCurrent: row.isCurrent,
      text: row.text,
      submittedAt: date(row.submittedAt),
      isLate: row.isLate,
      daysLate: row.daysLate,
      gradeStatus: row.gradeStatus,
      rawPoints: row.rawPoints,
      penaltyPercent: row.penaltyPercent,
      points: row.points,
      feedback: row.feedback,
      gradedAt: dateOrNull(row.gradedAt),
      releasedAt: dateOrNull(row.releasedAt),
    })),
  );
  await insertInChunks(
    tx,
    submissionFiles,
    handIns.flatMap(({ row, id }) => row.fileIds.map((fileId, position) => ({ submissionId: id, fileId: idFor("file", fileId), position }))),
  );

  const attempts = ofStudent(work.attempts).map((row) => ({ row, id: crypto.randomUUID() }));
  const version = (id: string) => idFor("version", id);
  const remapKeys = <V>(record: Record<string, V>, value: (entry: V) => V = (entry) => entry) => Object.fromEntries(Object.entries(record).map(([key, entry]) => [version(key), value(entry)]));
  await insertInChunks(
    tx,
    quizAttempts,
    attempts.map(({ row, id }) => ({
      id,
      taskId: idFor("task", row.taskId),
      userId: user(row.userId),
      attemptNumber: row.attemptNumber,
      status: row.status,
      startedAt: date(row.startedAt),
      deadlineAt: dateOrNull(row.deadlineAt),
      submittedAt: row.status === "in_progress" ? null : (dateOrNull(row.submittedAt) ?? date(row.startedAt)),
      scorePoints: row.scorePoints,
      maxPoints: row.maxPoints,
      scorePercent: row.scorePercent,
      questionOrder: row.questionOrder.map(version),
      choiceOrder: remapKeys(row.choiceOrder, (ids) => ids.map((choiceId) => idFor("choice", choiceId))),
      questionPoints: remapKeys(row.questionPoints),
      gradedVersion: 1,
      gradingPending: row.gradingPending,
    })),
  );
  await insertInChunks(
    tx,
    quizAnswers,
    attempts.flatMap(({ row, id }) =>
      row.answers.map((answer) => ({
        attemptId: id,
        questionId: version(answer.questionId),
        // Choice ids are the only ids in a response that are rows here; pairs, items and gaps keep the question data's own ids.
        response: (Array.isArray(answer.response.choiceIds)
          ? { choiceIds: (answer.response.choiceIds as unknown[]).filter((choiceId): choiceId is string => typeof choiceId === "string").map((choiceId) => idFor("choice", choiceId)) }
          : answer.response) as StoredResponse,
        savedAt: date(answer.savedAt),
        isCorrect: answer.isCorrect,
        pointsAwarded: answer.pointsAwarded,
        manualPoints: answer.manualPoints,
        graderComment: answer.graderComment,
        gradedAt: dateOrNull(answer.gradedAt),
      })),
    ),
  );
  return userOf;
}
