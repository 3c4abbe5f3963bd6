// Essays are graded by hand: a submitted attempt with an answered essay waits
// (grading_pending, the quiz not graded for the student), the teacher's score
// completes it. Runs on PGlite and PostgreSQL.
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, emailDeliveries, learningTasks, notifications, quizAnswers, quizzes } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { GradingMethod } from "@/db/schema/enums";
import type { CurrentUser } from "@/lib/auth/session-user";
import { processPendingEvents } from "@/lib/events/process-events";
import { notificationHandlers } from "@/lib/notifications/fan-out";
import { insertQuizQuestions } from "@/lib/question-bank/insert-quiz-questions";
import { gradeEssayAction } from "@/lib/quizzes/actions/grade-essay-action";
import { regradeQuiz } from "@/lib/quizzes/authoring/regrade";
import { loadAttemptEssays } from "@/lib/quizzes/grading/essay-answers";
import { gradeEssayAnswer } from "@/lib/quizzes/grading/grade-essay-answer";
import { countEssayAttemptsToGrade, loadEssayQueue } from "@/lib/quizzes/grading/essay-queue-queries";
import { loadOwnPendingAttemptIds } from "@/lib/quizzes/grading/pending-attempts";
import { gradeClosedAttempts } from "@/lib/quizzes/record-grades";
import { loadQuizResults } from "@/lib/quizzes/results-queries";
import { parseAttemptsQuery } from "@/lib/quizzes/results-params";
import { saveAnswer } from "@/lib/quizzes/taking/save-answer";
import { startAttempt } from "@/lib/quizzes/taking/start-attempt";
import { submitAttempt } from "@/lib/quizzes/taking/submit-attempt";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, enrollmentOf, eventsOf, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { attemptRow, progressOf } from "./quiz-results-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const graderInfo = "Full marks for naming **both** forces.";

interface EssayQuiz {
  course: CourseFixture;
  taskId: string;
  /** Single choice (1 point, choice 1 right), then the essays (4 points each). */
  choiceQuestionId: string;
  rightChoiceId: string;
  essayIds: string[];
}

let teacher: CurrentUser;
let otherTeacher: CurrentUser;
let admin: CurrentUser;

beforeAll(async () => {
  teacher = await createActor("teacher");
  otherTeacher = await createActor("teacher");
  admin = await createActor("admin");
});

beforeEach(() => {
  vi.mocked(getCurrentUser).mockReset();
});

/** A quiz-only course (so grading the quiz completes it) with a choice question and `essays` essays, built with the insert helpers. */
async function essayQuiz({
  essays = 1,
  gradingMethod = "highest",
  attemptsAllowed = 3,
}: { essays?: number; gradingMethod?: GradingMethod; attemptsAllowed?: number | null } = {}): Promise<EssayQuiz> {
  const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 0 });
  const db = testDb();
  const [task] = await db
    .insert(learningTasks)
    .values({ courseId: course.id, moduleId: course.moduleIds[0], type: "quiz", title: "Forces essay quiz", status: "published" })
    .returning({ id: learningTasks.id });
  await db.insert(quizzes).values({ taskId: task!.id, gradingMethod, attemptsAllowed, timeLimitMinutes: null });
  const inserted = await insertQuizQuestions(db, {
    courseId: course.id,
    taskId: task!.id,
    questions: [
      { type: "single_choice", text: "Pick B", points: 1, choices: [{ text: "A", isCorrect: false }, { text: "B", isCorrect: true }] },
      ...Array.from({ length: essays }, (_, index) => ({
        type: "essay" as const,
        text: `Explain the forces (${index + 1})`,
        points: 4,
        data: { kind: "essay", graderInfo },
      })),
    ],
  });
  return {
    course,
    taskId: task!.id,
    choiceQuestionId: inserted[0]!.questionId,
    rightChoiceId: inserted[0]!.choiceIds[1]!,
    essayIds: inserted.slice(1).map((question) => question.questionId),
  };
}

/** An enrolled student who answers the choice right and writes each essay (or leaves it blank), then submits. */
async function submittedAttempt(quiz: EssayQuiz, student: CurrentUser, essayTexts: string[] = ["Gravity and friction."]) {
  const { attemptId } = await testDb().transaction((tx) => startAttempt(tx, student, quiz.taskId));
  await testDb().transaction((tx) =>
    saveAnswer(tx, student, { attemptId, questionId: quiz.choiceQuestionId, response: { choiceIds: [quiz.rightChoiceId] } }),
  );
  for (const [index, text] of essayTexts.entries()) {
    await testDb().transaction((tx) => saveAnswer(tx, student, { attemptId, questionId: quiz.essayIds[index]!, response: { text } }));
  }
  await testDb().transaction((tx) => submitAttempt(tx, student, attemptId));
  return attemptId;
}

async function enrolledStudent(quiz: EssayQuiz) {
  const student = await createActor("student");
  await insertEnrollment(student.id, quiz.course.id);
  return student;
}

/** The action as `actor` calls it from the attempt page. */
function gradeAs(actor: CurrentUser, input: { attemptId: string; questionId: string; points: unknown; comment?: string }) {
  vi.mocked(getCurrentUser).mockResolvedValue(actor);
  return gradeEssayAction(input as Parameters<typeof gradeEssayAction>[0]);
}

async function answerRow(attemptId: string, questionId: string) {
  const [row] = await testDb()
    .select()
    .from(quizAnswers)
    .where(and(eq(quizAnswers.attemptId, attemptId), eq(quizAnswers.questionId, questionId)));
  return row!;
}

describe("a submitted attempt with an answered essay", () => {
  it("waits for the teacher: provisional score, essay ungraded, the quiz only submitted", async () => {
    const quiz = await essayQuiz();
    const student = await enrolledStudent(quiz);
    const attemptId = await submittedAttempt(quiz, student);

    expect(await attemptRow(attemptId)).toMatchObject({ status: "submitted", gradingPending: true, scorePoints: 1, maxPoints: 5, scorePercent: 20 });
    expect(await answerRow(attemptId, quiz.essayIds[0]!)).toMatchObject({ pointsAwarded: null, isCorrect: null, manualPoints: null });
    expect(await answerRow(attemptId, quiz.choiceQuestionId)).toMatchObject({ pointsAwarded: 1, isCorrect: true });
    const progress = await progressOf(student.id, quiz.taskId);
    expect(progress).toMatchObject({ status: "submitted", pointsEarned: null, completedAt: null });
    expect((await enrollmentOf(student.id, quiz.course.id))[0]).toMatchObject({ status: "active" });
    expect(await loadOwnPendingAttemptIds(testDb(), student, quiz.taskId)).toEqual(new Set([attemptId]));

    // The results leave the provisional score out of the figures and mark the row.
    const results = await loadQuizResults(testDb(), teacher, { courseId: quiz.course.id, taskId: quiz.taskId }, parseAttemptsQuery({}));
    expect(results!.summary).toMatchObject({ graded: 0, awaitingGrading: 1, averagePercent: null });
    expect(results!.attempts.rows[0]).toMatchObject({ id: attemptId, gradingPending: true });
  });

  it("an unanswered essay is not pending: the attempt is graded at once", async () => {
    const quiz = await essayQuiz();
    const student = await enrolledStudent(quiz);
    const attemptId = await submittedAttempt(quiz, student, ["   "]);
    expect(await attemptRow(attemptId)).toMatchObject({ gradingPending: false, scorePoints: 1 });
    expect(await progressOf(student.id, quiz.taskId)).toMatchObject({ status: "graded", pointsEarned: 1 });
  });

  it("is listed in the teacher's queue of quiz essays, paged on the server, not in another teacher's", async () => {
    const quiz = await essayQuiz({ essays: 2 });
    const student = await enrolledStudent(quiz);
    const attemptId = await submittedAttempt(quiz, student, ["First essay", "Second essay"]);

    const { result: queue, count } = await countQueries(() => loadEssayQueue(testDb(), teacher, { course: quiz.course.id, page: 1 }));
    expect(count).toBe(2);
    expect(queue.rows).toEqual([
      expect.objectContaining({ attemptId, courseId: quiz.course.id, taskId: quiz.taskId, quizTitle: "Forces essay quiz", essaysWaiting: 2 }),
    ]);
    expect(queue).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(queue.courses).toContainEqual({ id: quiz.course.id, title: expect.any(String) });
    expect(await countEssayAttemptsToGrade(testDb(), teacher, quiz.course.id)).toBe(1);

    expect((await loadEssayQueue(testDb(), otherTeacher, { page: 1 })).rows.map((row) => row.attemptId)).not.toContain(attemptId);
    expect(await countEssayAttemptsToGrade(testDb(), otherTeacher, quiz.course.id)).toBe(0);
    expect((await loadEssayQueue(testDb(), student, { page: 1 })).rows).toEqual([]);
    expect((await loadEssayQueue(testDb(), admin, { course: quiz.course.id, page: 1 })).total).toBe(1);

    // The attempt page's grading data: the grader information, the points the essay is worth here.
    const essays = await loadAttemptEssays(testDb(), teacher, { courseId: quiz.course.id, taskId: quiz.taskId, attemptId });
    expect(essays!.essays.get(quiz.essayIds[0]!)).toMatchObject({ graderInfo, maxPoints: 4, answered: true, manualPoints: null });
    expect(await loadAttemptEssays(testDb(), otherTeacher, { courseId: quiz.course.id, taskId: quiz.taskId, attemptId })).toBeNull();
  });
});

describe("the teacher's grade", () => {
  it("makes the attempt graded with the right score, progress and completion, notifies the student and is audited", async () => {
    const quiz = await essayQuiz();
    const student = await enrolledStudent(quiz);
    const attemptId = await submittedAttempt(quiz, student);

    const result = await gradeAs(teacher, { attemptId, questionId: quiz.essayIds[0]!, points: "3.5", comment: "Good, but name *friction*." });
    expect(result).toMatchObject({ ok: true, data: { points: 3.5, scorePoints: 4.5, maxPoints: 5, scorePercent: 90, gradingPending: false } });

    expect(await attemptRow(attemptId)).toMatchObject({ gradingPending: false, scorePoints: 4.5, scorePercent: 90 });
    expect(await answerRow(attemptId, quiz.essayIds[0]!)).toMatchObject({
      manualPoints: 3.5,
      pointsAwarded: 3.5,
      isCorrect: false,
      graderComment: "Good, but name *friction*.",
      gradedBy: teacher.id,
    });
    expect(await progressOf(student.id, quiz.taskId)).toMatchObject({ status: "graded", pointsEarned: 4.5 });
    // The quiz was the course's only item: the course is complete.
    expect((await enrollmentOf(student.id, quiz.course.id))[0]).toMatchObject({ status: "completed" });
    expect(await countEssayAttemptsToGrade(testDb(), teacher, quiz.course.id)).toBe(0);

    const audit = await testDb().select().from(auditLog).where(and(eq(auditLog.action, "quiz_answer.graded"), eq(auditLog.actorId, teacher.id)));
    const entry = audit.find((row) => (row.after as { attemptId?: string }).attemptId === attemptId);
    expect(entry).toMatchObject({ entityType: "quiz_answer", before: { points: null, attemptScore: 1, gradingPending: true }, after: { points: 3.5, attemptScore: 4.5, gradingPending: false } });

    expect(await eventsOf("quiz.graded", attemptId)).toHaveLength(1);
    await processPendingEvents(testDb(), notificationHandlers);
    const [note] = await testDb().select().from(notifications).where(eq(notifications.userId, student.id));
    expect(note).toMatchObject({
      type: "grade.released",
      title: "Quiz graded: Forces essay quiz",
      link: `/learn/${quiz.course.slug}/quiz/${quiz.taskId}/attempt/${attemptId}/result`,
    });
    expect(note!.message).toContain("4.5 / 5 points");
    expect(await testDb().select().from(emailDeliveries).where(eq(emailDeliveries.userId, student.id))).toHaveLength(1);
  });

  it("with two essays, the first score leaves the attempt pending and tells nobody; the second completes it", async () => {
    const quiz = await essayQuiz({ essays: 2 });
    const student = await enrolledStudent(quiz);
    const attemptId = await submittedAttempt(quiz, student, ["One", "Two"]);

    expect(await gradeAs(teacher, { attemptId, questionId: quiz.essayIds[0]!, points: 4 })).toMatchObject({ ok: true, data: { gradingPending: true, scorePoints: 5 } });
    expect(await attemptRow(attemptId)).toMatchObject({ gradingPending: true });
    expect(await progressOf(student.id, quiz.taskId)).toMatchObject({ status: "submitted", pointsEarned: null });
    expect(await eventsOf("quiz.graded", attemptId)).toHaveLength(0);
    expect((await loadEssayQueue(testDb(), teacher, { course: quiz.course.id, page: 1 })).rows[0]).toMatchObject({ essaysWaiting: 1 });

    // An admin may grade any course's essays.
    expect(await gradeAs(admin, { attemptId, questionId: quiz.essayIds[1]!, points: 0.25 })).toMatchObject({ ok: true, data: { gradingPending: false, scorePoints: 5.25 } });
    expect(await progressOf(student.id, quiz.taskId)).toMatchObject({ status: "graded", pointsEarned: 5.25 });
    expect(await eventsOf("quiz.graded", attemptId)).toHaveLength(1);
  });

  it("a pending later attempt is left out of the grade: the graded one counts meanwhile", async () => {
    const quiz = await essayQuiz({ gradingMethod: "latest" });
    const student = await enrolledStudent(quiz);
    const first = await submittedAttempt(quiz, student);
    await gradeAs(teacher, { attemptId: first, questionId: quiz.essayIds[0]!, points: 2 });
    expect(await progressOf(student.id, quiz.taskId)).toMatchObject({ status: "graded", pointsEarned: 3 });

    const second = await submittedAttempt(quiz, student);
    expect(await attemptRow(second)).toMatchObject({ gradingPending: true });
    expect(await progressOf(student.id, quiz.taskId)).toMatchObject({ status: "graded", pointsEarned: 3 });
    await gradeAs(teacher, { attemptId: second, questionId: quiz.essayIds[0]!, points: 4 });
    expect(await progressOf(student.id, quiz.taskId)).toMatchObject({ status: "graded", pointsEarned: 5 });
  });

  it("survives a re-grade: the manual points are kept", async () => {
    const quiz = await essayQuiz();
    const student = await enrolledStudent(quiz);
    const attemptId = await submittedAttempt(quiz, student);
    await gradeAs(teacher, { attemptId, questionId: quiz.essayIds[0]!, points: 2.5, comment: "Fair." });

    await testDb().transaction((tx) => regradeQuiz(tx, teacher, { courseId: quiz.course.id, taskId: quiz.taskId }));
    await testDb().transaction((tx) => gradeClosedAttempts(tx, { taskId: quiz.taskId }));
    expect(await attemptRow(attemptId)).toMatchObject({ gradingPending: false, scorePoints: 3.5 });
    expect(await answerRow(attemptId, quiz.essayIds[0]!)).toMatchObject({ manualPoints: 2.5, pointsAwarded: 2.5, graderComment: "Fair." });
    expect(await progressOf(student.id, quiz.taskId)).toMatchObject({ status: "graded", pointsEarned: 3.5 });
  });
});

describe("refusals change nothing", () => {
  let quiz: EssayQuiz;
  let student: CurrentUser;
  let attemptId: string;

  beforeAll(async () => {
    quiz = await essayQuiz();
    student = await enrolledStudent(quiz);
    attemptId = await submittedAttempt(quiz, student);
  });

  async function expectUnchanged() {
    expect(await answerRow(attemptId, quiz.essayIds[0]!)).toMatchObject({ manualPoints: null, pointsAwarded: null, graderComment: "", gradedBy: null });
    expect(await attemptRow(attemptId)).toMatchObject({ gradingPending: true, scorePoints: 1 });
    expect(await progressOf(student.id, quiz.taskId)).toMatchObject({ status: "submitted" });
  }

  it("a student, even the attempt's own, and another course's teacher: not found", async () => {
    const notFound = "This attempt does not exist, or you cannot grade it.";
    expect(await gradeAs(otherTeacher, { attemptId, questionId: quiz.essayIds[0]!, points: 4 })).toMatchObject({ ok: false, error: notFound });
    // The action is for the teacher's area; below it, the work itself reads the attempt as not found for a student too.
    expect(await gradeAs(student, { attemptId, questionId: quiz.essayIds[0]!, points: 4 })).toMatchObject({ ok: false, error: "You are not allowed to do that." });
    const direct = testDb().transaction((tx) => gradeEssayAnswer(tx, student, { attemptId, questionId: quiz.essayIds[0]!, points: 4, comment: "" }));
    await expect(direct).rejects.toMatchObject({ kind: "not_found", userMessage: notFound });
    await expectUnchanged();
  });

  it.each([
    ["negative", -1, "Points cannot be negative."],
    ["more than the question is worth", 4.5, "Enter at most 4 points: the question is worth 4 in this attempt."],
    ["three decimals", 1.234, "Use at most two decimals."],
    ["not a number", "lots", "Enter the points as a number."],
    ["empty", "", "Enter the points as a number."],
  ])("points %s: a message next to the field", async (_name, points, message) => {
    const result = await gradeAs(teacher, { attemptId, questionId: quiz.essayIds[0]!, points });
    expect(result).toMatchObject({ ok: false, fieldErrors: { points: [message] } });
    await expectUnchanged();
  });

  it("a question that is not an essay, or not in the attempt", async () => {
    expect(await gradeAs(teacher, { attemptId, questionId: quiz.choiceQuestionId, points: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { questionId: ["Only essay questions are graded by hand; the others are graded automatically."] },
    });
    const other = await essayQuiz();
    expect(await gradeAs(teacher, { attemptId, questionId: other.essayIds[0]!, points: 1 })).toMatchObject({
      ok: false,
      error: "This question is not part of the attempt.",
    });
    await expectUnchanged();
  });

  it("an attempt still in progress", async () => {
    const { attemptId: open } = await testDb().transaction((tx) => startAttempt(tx, student, quiz.taskId));
    await testDb().transaction((tx) => saveAnswer(tx, student, { attemptId: open, questionId: quiz.essayIds[0]!, response: { text: "Draft" } }));
    expect(await gradeAs(teacher, { attemptId: open, questionId: quiz.essayIds[0]!, points: 1 })).toMatchObject({
      ok: false,
      error: "The student has not submitted this attempt yet: grade it once it is submitted.",
    });
    expect(await answerRow(open, quiz.essayIds[0]!)).toMatchObject({ manualPoints: null });
    await expectUnchanged();
  });
});
