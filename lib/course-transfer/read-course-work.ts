import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  announcements,
  discussionPosts,
  discussionThreads,
  enrollments,
  learningTasks,
  lessonCompletions,
  lessons,
  modules,
  quizAnswers,
  quizAttempts,
  storedFiles,
  submissionFiles,
  submissions,
  taskProgress,
  users,
} from "@/db/schema";
import { groupBy } from "./group-by";
import type { ManifestAnnouncement, ManifestFile, ManifestThread, ManifestWork } from "./manifest";

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * What students did in the course, for an archive: enrolments, completions,
 * task progress, hand-ins (with their files), quiz attempts with every answer,
 * the discussions and the announcements. Users are named by email, which a restore matches.
 */
export async function readCourseWork(db: DbOrTx, courseId: string, text: (value: string) => string) {
  const enrollmentRows = await db.select().from(enrollments).where(eq(enrollments.courseId, courseId)).orderBy(asc(enrollments.enrolledAt));
  const completionRows = await db
    .select({ userId: lessonCompletions.userId, lessonId: lessonCompletions.lessonId, completedAt: lessonCompletions.completedAt })
    .from(lessonCompletions)
    .innerJoin(lessons, eq(lessons.id, lessonCompletions.lessonId))
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(modules.courseId, courseId));
  const progressRows = await db
    .select({ progress: taskProgress })
    .from(taskProgress)
    .innerJoin(learningTasks, eq(learningTasks.id, taskProgress.taskId))
    .where(eq(learningTasks.courseId, courseId));
  const submissionRows = await db
    .select({ submission: submissions })
    .from(submissions)
    .innerJoin(learningTasks, eq(learningTasks.id, submissions.taskId))
    .where(eq(learningTasks.courseId, courseId))
    .orderBy(asc(submissions.submittedAt), asc(submissions.version));
  const handInFiles = submissionRows.length
    ? await db
        .select({ submissionId: submissionFiles.submissionId, file: storedFiles })
        .from(submissionFiles)
        .innerJoin(storedFiles, eq(storedFiles.id, submissionFiles.fileId))
        .where(inArray(submissionFiles.submissionId, submissionRows.map((row) => row.submission.id)))
        .orderBy(asc(submissionFiles.position))
    : [];
  const attemptRows = await db
    .select({ attempt: quizAttempts })
    .from(quizAttempts)
    .innerJoin(learningTasks, eq(learningTasks.id, quizAttempts.taskId))
    .where(eq(learningTasks.courseId, courseId))
    .orderBy(asc(quizAttempts.startedAt), asc(quizAttempts.attemptNumber));
  const answerRows = attemptRows.length
    ? await db.select().from(quizAnswers).where(inArray(quizAnswers.attemptId, attemptRows.map((row) => row.attempt.id)))
    : [];
  const threadRows = await db
    .select()
    .from(discussionThreads)
    .where(and(eq(discussionThreads.courseId, courseId), isNull(discussionThreads.removedAt)))
    .orderBy(asc(discussionThreads.createdAt));
  const postRows = threadRows.length
    ? await db
        .select()
        .from(discussionPosts)
        .where(and(inArray(discussionPosts.threadId, threadRows.map((row) => row.id)), isNull(discussionPosts.deletedAt)))
        .orderBy(asc(discussionPosts.createdAt), asc(discussionPosts.id))
    : [];

  const announcementRows = await db.select().from(announcements).where(eq(announcements.courseId, courseId)).orderBy(asc(announcements.createdAt));

  const userIds = new Set<string>([
    ...announcementRows.flatMap((row) => (row.authorId ? [row.authorId] : [])),
    ...enrollmentRows.map((row) => row.userId),
    ...completionRows.map((row) => row.userId),
    ...progressRows.map((row) => row.progress.userId),
    ...submissionRows.map((row) => row.submission.userId),
    ...attemptRows.map((row) => row.attempt.userId),
    ...postRows.flatMap((row) => (row.authorId ? [row.authorId] : [])),
  ]);
  const userRows = userIds.size
    ? await db.select({ id: users.id, email: users.email, username: users.username, displayName: users.displayName }).from(users).where(inArray(users.id, [...userIds]))
    : [];

  const filesOf = groupBy(handInFiles, (row) => row.submissionId);
  const answersOf = groupBy(answerRows, (row) => row.attemptId);
  const postsOf = groupBy(postRows, (row) => row.threadId);
  const files: { entry: ManifestFile; storageKey: string }[] = handInFiles.map(({ file }) => ({
    entry: { id: file.id, name: file.originalName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, sha256: file.sha256, role: "submission" },
    storageKey: file.storageKey,
  }));

  const work: ManifestWork = {
    users: userRows.map((row) => ({ id: row.id, email: row.email, username: row.username, displayName: row.displayName })),
    enrollments: enrollmentRows.map((row) => ({
      userId: row.userId,
      status: row.status,
      enrolledAt: iso(row.enrolledAt),
      completedAt: isoOrNull(row.completedAt),
      progressPercent: row.progressPercent,
      lastActivityAt: iso(row.lastActivityAt),
    })),
    lessonCompletions: completionRows.map((row) => ({ userId: row.userId, lessonId: row.lessonId, completedAt: iso(row.completedAt) })),
    taskProgress: progressRows.map(({ progress }) => ({
      userId: progress.userId,
      taskId: progress.taskId,
      status: progress.status,
      pointsEarned: progress.pointsEarned,
      startedAt: isoOrNull(progress.startedAt),
      completedAt: isoOrNull(progress.completedAt),
    })),
    submissions: submissionRows.map(({ submission }) => ({
      userId: submission.userId,
      taskId: submission.taskId,
      version: submission.version,
      isCurrent: submission.isCurrent,
      text: submission.text,
      submittedAt: iso(submission.submittedAt),
      isLate: submission.isLate,
      daysLate: submission.daysLate,
      gradeStatus: submission.gradeStatus,
      rawPoints: submission.rawPoints,
      penaltyPercent: submission.penaltyPercent,
      points: submission.points,
      feedback: submission.feedback,
      gradedAt: isoOrNull(submission.gradedAt),
      releasedAt: isoOrNull(submission.releasedAt),
      fileIds: (filesOf.get(submission.id) ?? []).map((row) => row.file.id),
    })),
    attempts: attemptRows.map(({ attempt }) => ({
      userId: attempt.userId,
      taskId: attempt.taskId,
      attemptNumber: attempt.attemptNumber,
      status: attempt.status,
      startedAt: iso(attempt.startedAt),
      deadlineAt: isoOrNull(attempt.deadlineAt),
      submittedAt: isoOrNull(attempt.submittedAt),
      scorePoints: attempt.scorePoints,
      maxPoints: attempt.maxPoints,
      scorePercent: attempt.scorePercent,
      questionOrder: attempt.questionOrder,
      choiceOrder: attempt.choiceOrder,
      questionPoints: attempt.questionPoints,
      gradingPending: attempt.gradingPending,
      answers: (answersOf.get(attempt.id) ?? []).map((answer) => ({
        questionId: answer.questionId,
        response: answer.response as Record<string, unknown>,
        savedAt: iso(answer.savedAt),
        isCorrect: answer.isCorrect,
        pointsAwarded: answer.pointsAwarded,
        manualPoints: answer.manualPoints,
        graderComment: answer.graderComment,
        gradedAt: isoOrNull(answer.gradedAt),
      })),
    })),
  };
  const discussions: ManifestThread[] = threadRows
    .map((thread) => ({
      id: thread.id,
      lessonId: thread.lessonId,
      title: thread.title,
      pinned: thread.pinned,
      locked: thread.locked,
      posts: (postsOf.get(thread.id) ?? []).map((post) => ({ authorId: post.authorId, body: text(post.body), createdAt: iso(post.createdAt) })),
    }))
    .filter((thread) => thread.posts.length > 0);
  const courseAnnouncements: ManifestAnnouncement[] = announcementRows.map((row) => ({ authorId: row.authorId, title: row.title, body: text(row.body), createdAt: iso(row.createdAt) }));
  return { work, discussions, announcements: courseAnnouncements, files };
}
