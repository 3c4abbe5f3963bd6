// A section teacher's quiz results and submission lists cover its sections'
// students only, and the course's teacher filters them by section; the due
// date shown to graders follows the student's section due date. Rows are
// inserted directly. Runs on PGlite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { sectionTaskOverrides } from "@/db/schema";
import { lockSubmissionToGrade } from "@/lib/assignments/graded-submission";
import { loadSubmissionForGrading } from "@/lib/assignments/grading-queries";
import { listSubmissionsAfter } from "@/lib/assignments/submissions-page";
import type { Actor } from "@/lib/auth/policy";
import { gradeClosedAttempts } from "@/lib/quizzes/record-grades";
import { listQuizAttemptsAfter } from "@/lib/quizzes/attempts-page";
import { loadAttemptForTeacher } from "@/lib/quizzes/results-attempt";
import { parseAttemptsQuery } from "@/lib/quizzes/results-params";
import { loadQuizResults } from "@/lib/quizzes/results-queries";
import { loadStudentDetailForStaff } from "@/lib/reports/student-course-detail";
import { inTx } from "./assignment-fixtures";
import { countQueries, testDb } from "./helpers";
import { allRight, createAttempt, createQuiz, twoOfSix, type AttemptFixture, type QuizFixture } from "./quiz-results-fixtures";
import { setUpSectionSchool, type SectionSchool } from "./section-school-fixtures";

interface School extends SectionSchool {
  quiz: QuizFixture;
  attempts: Record<"a1" | "b1" | "b2" | "none1", AttemptFixture>;
}

let school: School;

const due = new Date("2026-12-10T17:00:00Z");
// 10B's own due date: two days earlier, set after the hand-ins (a grader sees the work late by it).
const sectionDue = new Date("2026-12-08T17:00:00Z");

beforeAll(async () => {
  const base = await setUpSectionSchool(due);
  await testDb().insert(sectionTaskOverrides).values({ taskId: base.taskId, sectionId: base.sectionB, dueAt: sectionDue });

  // 10A: one 6/6 attempt; 10B: 2/6 then 6/6; nobody's section: one 2/6 attempt.
  const quiz = await createQuiz(base.courseId, { title: "Sectioned quiz" });
  const attempts = {
    a1: await createAttempt(quiz, base.inA.id, { answers: allRight }),
    b1: await createAttempt(quiz, base.inB.id, { attemptNumber: 1, answers: twoOfSix }),
    b2: await createAttempt(quiz, base.inB.id, { attemptNumber: 2, answers: allRight }),
    none1: await createAttempt(quiz, base.unsectioned.id, { answers: twoOfSix }),
  };
  await testDb().transaction((tx) => gradeClosedAttempts(tx, { taskId: quiz.taskId, attemptIds: Object.values(attempts).map((a) => a.id) }));
  school = { ...base, quiz, attempts };
});

describe("quiz results", () => {
  const ids = () => ({ courseId: school.courseId, taskId: school.quiz.taskId });
  const results = (actor: Actor, raw: Record<string, string> = {}) => loadQuizResults(testDb(), actor, ids(), parseAttemptsQuery(raw));
  const attemptIds = (r: Awaited<ReturnType<typeof loadQuizResults>>) => r!.attempts.rows.map((row) => row.id).sort();

  it("show a section teacher its sections' students' attempts only, every figure over them, in the same four statements", async () => {
    const { result, count } = await countQueries(() => results(school.sectionTeacher));
    expect(count).toBe(4);
    expect(attemptIds(result)).toEqual([school.attempts.b1.id, school.attempts.b2.id].sort());
    expect(result!.summary).toMatchObject({ attempts: 2, students: 1, graded: 2, highestPercent: 100, lowestPercent: 33.33 });
    expect(result!.summary.averagePercent).toBeCloseTo(66.67, 1);
    // The single choice question: right in 10B's 6/6 attempt only, of its two graded attempts.
    expect(result!.questions[0]).toMatchObject({ correct: 1, answered: 2, correctPercent: 50 });
    // The course's teacher sees all four, in the same four statements.
    const own = await countQueries(() => results(school.teacher));
    expect(own.count).toBe(4);
    expect(own.result!.summary).toMatchObject({ attempts: 4, students: 3, graded: 4 });
    expect(own.result!.questions[0]).toMatchObject({ correct: 2, answered: 4 });
  });

  it("filter by section for the course's teacher and an admin; a foreign or another's section finds nothing", async () => {
    const byA = await results(school.teacher, { section: school.sectionA });
    expect(attemptIds(byA)).toEqual([school.attempts.a1.id]);
    expect(byA!.summary).toMatchObject({ attempts: 1, students: 1, averagePercent: 100 });
    expect((await results(school.admin, { section: school.sectionB }))!.summary.attempts).toBe(2);
    expect((await results(school.teacher, { section: school.foreignSection }))!.summary).toMatchObject({ attempts: 0, graded: 0, averagePercent: null });
    expect((await results(school.sectionTeacher, { section: school.sectionA }))!.attempts.total).toBe(0);
    expect((await results(school.sectionTeacher, { section: school.sectionB }))!.attempts.total).toBe(2);
  });

  it("read as not found for a demoted section teacher and another teacher; another section's attempt is not found", async () => {
    expect(await results(school.demoted)).toBeNull();
    expect(await results(school.otherTeacher)).toBeNull();
    const read = (attemptId: string) => loadAttemptForTeacher(testDb(), school.sectionTeacher, { ...ids(), attemptId });
    expect(await read(school.attempts.b1.id)).toMatchObject({ studentId: school.inB.id });
    expect(await read(school.attempts.a1.id)).toBeNull();
    expect(await read(school.attempts.none1.id)).toBeNull();
  });

  it("the API's attempt list holds a section teacher's sections' students only", async () => {
    const rows = await listQuizAttemptsAfter(testDb(), school.sectionTeacher, school.quiz.taskId, { limit: 50 });
    expect(rows!.map((row) => row.id).sort()).toEqual([school.attempts.b1.id, school.attempts.b2.id].sort());
    expect(await listQuizAttemptsAfter(testDb(), school.sectionTeacher, school.quiz.taskId, { limit: 50, studentId: school.inA.id })).toEqual([]);
    expect(await listQuizAttemptsAfter(testDb(), school.demoted, school.quiz.taskId, { limit: 50 })).toBeNull();
    expect((await listQuizAttemptsAfter(testDb(), school.teacher, school.quiz.taskId, { limit: 50 }))!).toHaveLength(4);
  });
});

describe("an assignment's submission list", () => {
  const list = (actor: Actor, query: { sectionId?: string; studentId?: string } = {}) =>
    listSubmissionsAfter(testDb(), actor, school.taskId, { limit: 50, ...query });
  const ids = (rows: Awaited<ReturnType<typeof listSubmissionsAfter>>) => rows!.map((row) => row.id).sort();

  it("holds a section teacher's sections' students only, with the same statements", async () => {
    const { result, count } = await countQueries(() => list(school.sectionTeacher));
    expect(ids(result)).toEqual([school.submissionB]);
    const own = await countQueries(() => list(school.teacher));
    expect(own.result).toHaveLength(3);
    expect(count).toBe(own.count);
    expect(await list(school.sectionTeacher, { studentId: school.inA.id })).toEqual([]);
    expect(await list(school.demoted)).toBeNull();
    expect(await list(school.otherTeacher)).toBeNull();
  });

  it("filters by section; a foreign or another's section lists nothing", async () => {
    expect(ids(await list(school.teacher, { sectionId: school.sectionA }))).toEqual([school.submissionA]);
    expect(ids(await list(school.admin, { sectionId: school.sectionB }))).toEqual([school.submissionB]);
    expect(await list(school.teacher, { sectionId: school.foreignSection })).toEqual([]);
    expect(await list(school.sectionTeacher, { sectionId: school.sectionA })).toEqual([]);
  });
});

describe("the due date graders see", () => {
  it("is the student's section's in the grading view, with the lateness measured by it", async () => {
    const b = await loadSubmissionForGrading(testDb(), school.teacher, school.submissionB);
    expect(b!.assignment).toMatchObject({ dueAt: sectionDue, dueAtOverridden: true });
    expect(b).toMatchObject({ isLate: true, daysLate: 2 });
    const a = await loadSubmissionForGrading(testDb(), school.teacher, school.submissionA);
    expect(a!.assignment).toMatchObject({ dueAt: due, dueAtOverridden: false });
    expect(a).toMatchObject({ isLate: false, daysLate: 0 });
    const locked = await inTx((tx) => lockSubmissionToGrade(tx, school.sectionTeacher, school.submissionB));
    expect(locked.task).toMatchObject({ dueAt: sectionDue, dueAtOverridden: true });
    expect(locked.submission).toMatchObject({ isLate: true, daysLate: 2 });
  });

  it("is the student's section's in the per-student detail", async () => {
    const b = await loadStudentDetailForStaff(testDb(), school.teacher, school.courseId, school.inB.id);
    expect(b!.assignments.find((task) => task.taskId === school.taskId)).toMatchObject({ dueAt: sectionDue, dueAtOverridden: true });
    const a = await loadStudentDetailForStaff(testDb(), school.teacher, school.courseId, school.inA.id);
    expect(a!.assignments.find((task) => task.taskId === school.taskId)).toMatchObject({ dueAt: due, dueAtOverridden: false });
  });
});
