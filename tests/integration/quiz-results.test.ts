import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session-user";
import { gradeClosedAttempts } from "@/lib/quizzes/record-grades";
import { defaultAttemptsQuery, parseAttemptsQuery, type AttemptsQuery } from "@/lib/quizzes/results-params";
import { listCourseQuizzes, listQuizAttempts, loadQuizResults, loadResultsQuiz } from "@/lib/quizzes/results-queries";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import {
  allRight,
  createAttempt,
  createNamedStudents,
  createQuiz,
  twoOfSix,
  type AttemptFixture,
  type QuizFixture,
} from "./quiz-results-fixtures";

let teacher: CurrentUser;
let course: CourseFixture;
let quiz: QuizFixture;
let attempts: Record<string, AttemptFixture>;
const now = new Date();
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60 * 1000);

const query = (overrides: Partial<AttemptsQuery> = {}): AttemptsQuery => ({ ...defaultAttemptsQuery, ...overrides });
const ids = () => ({ courseId: course.id, taskId: quiz.taskId });

beforeAll(async () => {
  teacher = await createActor("teacher");
  course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
  quiz = await createQuiz(course.id, { title: "Results fixture quiz", gradingMethod: "highest" });
  const [alice, bob, cara, dev, esha, farid, gita] = await createNamedStudents([
    "Alice Able",
    "Bob Brown",
    "Cara Cole",
    "Dev Dutt",
    "Esha East",
    "Farid Frost",
    "Gita Green",
  ]);
  for (const student of [alice, bob, cara, dev, esha, farid, gita]) await insertEnrollment(student!.id, course.id);
  attempts = {
    alice1: await createAttempt(quiz, alice!.id, { attemptNumber: 1, startedAt: minutesAgo(300), minutes: 6, answers: allRight }),
    alice2: await createAttempt(quiz, alice!.id, { attemptNumber: 2, startedAt: minutesAgo(200), minutes: 3, answers: twoOfSix }),
    bob1: await createAttempt(quiz, bob!.id, { startedAt: minutesAgo(250), minutes: 9, answers: twoOfSix }),
    // An empty pick and a blank text read as unanswered, like no row at all.
    cara1: await createAttempt(quiz, cara!.id, { startedAt: minutesAgo(150), minutes: 2, answers: [[1], [0, 2], [], "  ", undefined] }),
    // Open past its deadline: "closing"; and open in time.
    dev1: await createAttempt(quiz, dev!.id, { status: "in_progress", startedAt: minutesAgo(30), deadlineAt: minutesAgo(20) }),
    esha1: await createAttempt(quiz, esha!.id, { status: "in_progress", startedAt: minutesAgo(5), deadlineAt: minutesAgo(-5) }),
    farid1: await createAttempt(quiz, farid!.id, { status: "expired", startedAt: minutesAgo(100), minutes: 10, answers: allRight }),
    // Expired, not graded yet by the sweep: in the table, not in the figures.
    gita1: await createAttempt(quiz, gita!.id, { status: "expired", startedAt: minutesAgo(90), minutes: 10, answers: allRight }),
  };
  const graded = [attempts.alice1!, attempts.alice2!, attempts.bob1!, attempts.cara1!, attempts.farid1!].map((a) => a.id);
  await testDb().transaction((tx) => gradeClosedAttempts(tx, { taskId: quiz.taskId, attemptIds: graded }));
});

describe("quiz results aggregates", () => {
  it("summary: counts, average, median, extremes of the graded attempts", async () => {
    const results = await loadQuizResults(testDb(), teacher, ids(), query(), now);
    expect(results!.quiz).toMatchObject({ title: "Results fixture quiz", questionCount: 5, maxPoints: 6, courseId: course.id });
    // Graded: 100, 33.33, 33.33, 50, 100.
    expect(results!.summary).toEqual({
      attempts: 8,
      inProgress: 2,
      students: 7,
      graded: 5,
      averagePercent: 63.33,
      medianPercent: 50,
      highestPercent: 100,
      lowestPercent: 33.33,
      averagePoints: 3.8,
      distribution: [0, 0, 0, 2, 0, 1, 0, 0, 0, 2],
    });
  });

  it("each question's correct, answered and unanswered counts over the graded attempts", async () => {
    const results = await loadQuizResults(testDb(), teacher, ids(), query(), now);
    expect(results!.questions.map((q) => [q.type, q.correct, q.partlyCorrect, q.answered, q.unanswered, q.correctPercent])).toEqual([
      ["single_choice", 3, 0, 5, 0, 60],
      ["multiple_choice", 3, 0, 5, 0, 60],
      ["true_false", 4, 0, 4, 1, 80],
      ["short_answer", 2, 0, 4, 1, 40],
      ["numeric", 4, 0, 4, 1, 80],
    ]);
  });

  it("partly right answers are counted apart with partial credit", async () => {
    const partial = await createQuiz(course.id, { partialCredit: true });
    const [student] = await createNamedStudents(["Hari Hill"]);
    const attempt = await createAttempt(partial, student!.id, { answers: [[1], [0], [0], "variable", "2.4"] });
    await testDb().transaction((tx) => gradeClosedAttempts(tx, { taskId: partial.taskId, attemptIds: [attempt.id] }));
    const results = await loadQuizResults(testDb(), teacher, { courseId: course.id, taskId: partial.taskId }, query(), now);
    expect(results!.questions[1]).toMatchObject({ correct: 0, partlyCorrect: 1, answered: 1, unanswered: 0, correctPercent: 0 });
    expect(results!.summary).toMatchObject({ graded: 1, averagePercent: 83.33, medianPercent: 83.33, distribution: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0] });
  });

  it("a quiz without attempts has empty figures, not errors", async () => {
    const empty = await createQuiz(course.id);
    const results = await loadQuizResults(testDb(), teacher, { courseId: course.id, taskId: empty.taskId }, query(), now);
    expect(results!.summary).toEqual({
      attempts: 0,
      inProgress: 0,
      students: 0,
      graded: 0,
      averagePercent: null,
      medianPercent: null,
      highestPercent: null,
      lowestPercent: null,
      averagePoints: null,
      distribution: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
    expect(results!.questions.every((q) => q.correct === 0 && q.unanswered === 0 && q.correctPercent === null)).toBe(true);
    expect(results!.attempts).toEqual({ rows: [], total: 0, page: 1, pageCount: 1, pageSize: 20 });
  });
});

describe("the attempts table", () => {
  const list = (overrides: Partial<AttemptsQuery>) => listQuizAttempts(testDb(), quiz.taskId, query(overrides), now);
  const names = (page: Awaited<ReturnType<typeof list>>) => page.rows.map((row) => `${row.studentName} #${row.attemptNumber}`);

  it("newest first by default, with every attempt's state, times and score", async () => {
    const page = await list({});
    expect(page.total).toBe(8);
    expect(names(page)).toEqual([
      "Esha East #1",
      "Dev Dutt #1",
      "Gita Green #1",
      "Farid Frost #1",
      "Cara Cole #1",
      "Alice Able #2",
      "Bob Brown #1",
      "Alice Able #1",
    ]);
    const byName = Object.fromEntries(page.rows.map((row) => [`${row.studentName} #${row.attemptNumber}`, row]));
    expect(byName["Dev Dutt #1"]).toMatchObject({ state: "closing", submittedAt: null, durationSeconds: null, scorePercent: null });
    expect(byName["Esha East #1"]).toMatchObject({ state: "in_progress", scorePoints: null });
    expect(byName["Gita Green #1"]).toMatchObject({ state: "expired", scorePoints: null, durationSeconds: 600 });
    expect(byName["Alice Able #1"]).toMatchObject({ state: "submitted", scorePoints: 6, maxPoints: 6, scorePercent: 100, durationSeconds: 360 });
    expect(byName["Alice Able #1"]!.studentEmail).toMatch(/@school\.example$/);
    expect(byName["Alice Able #1"]!.startedAt.getTime()).toBe(minutesAgo(300).getTime());
  });

  it("sorts by each column, both ways, empty values last", async () => {
    expect(names(await list({ sort: "score", dir: "desc" })).slice(0, 5)).toEqual([
      "Alice Able #1",
      "Farid Frost #1",
      "Cara Cole #1",
      "Alice Able #2",
      "Bob Brown #1",
    ]);
    expect(names(await list({ sort: "score", dir: "asc" })).slice(0, 3)).toEqual(["Alice Able #2", "Bob Brown #1", "Cara Cole #1"]);
    expect((await list({ sort: "score", dir: "asc" })).rows.slice(-3).every((row) => row.scorePercent === null)).toBe(true);
    expect(names(await list({ sort: "student", dir: "asc" })).slice(0, 3)).toEqual(["Alice Able #1", "Alice Able #2", "Bob Brown #1"]);
    expect(names(await list({ sort: "student", dir: "desc" }))[0]).toBe("Gita Green #1");
    expect(names(await list({ sort: "duration", dir: "desc" })).slice(0, 2)).toEqual(["Farid Frost #1", "Gita Green #1"]);
    expect(names(await list({ sort: "duration", dir: "asc" }))[0]).toBe("Cara Cole #1");
    expect(names(await list({ sort: "attempt", dir: "desc" }))[0]).toBe("Alice Able #2");
    expect((await list({ sort: "status", dir: "asc" })).rows.map((row) => row.state)).toEqual([
      "in_progress",
      "closing",
      "submitted",
      "submitted",
      "submitted",
      "submitted",
      "expired",
      "expired",
    ]);
    expect(names(await list({ sort: "submitted", dir: "asc" }))[0]).toBe("Alice Able #1");
    expect(names(await list({ sort: "submitted", dir: "desc" })).slice(-2).sort()).toEqual(["Dev Dutt #1", "Esha East #1"]);
  });

  it("filters by state, open attempts past their deadline as closing", async () => {
    expect(names(await list({ status: "closing" }))).toEqual(["Dev Dutt #1"]);
    expect(names(await list({ status: "in_progress" }))).toEqual(["Esha East #1"]);
    expect(names(await list({ status: "expired", sort: "student", dir: "asc" }))).toEqual(["Farid Frost #1", "Gita Green #1"]);
    const submitted = await list({ status: "submitted" });
    expect(submitted.total).toBe(4);
    expect(submitted.rows.every((row) => row.state === "submitted")).toBe(true);
  });

  it("searches names and emails, case-insensitively, with LIKE wildcards taken literally", async () => {
    expect(names(await list({ q: "COLE" }))).toEqual(["Cara Cole #1"]);
    expect(names(await list({ q: "able", sort: "attempt", dir: "asc" }))).toEqual(["Alice Able #1", "Alice Able #2"]);
    expect((await list({ q: "school.example" })).total).toBe(8);
    expect((await list({ q: "%" })).total).toBe(0);
    expect((await list({ q: "_" })).total).toBe(8);
    expect((await list({ q: "Alice", status: "submitted", sort: "score", dir: "asc" })).rows.map((row) => row.scorePercent)).toEqual([
      33.33, 100,
    ]);
    expect(await list({ q: "nobody here" })).toMatchObject({ rows: [], total: 0, pageCount: 1 });
  });

  it("pages through many attempts on the server, a fixed number of statements for any page", async () => {
    const big = await createQuiz(course.id);
    const students = await createNamedStudents(Array.from({ length: 25 }, (_, i) => `Pager ${String(i + 1).padStart(2, "0")}`));
    for (const [index, student] of students.entries()) {
      await createAttempt(big, student.id, { startedAt: minutesAgo(100 - index), answers: index % 2 === 0 ? allRight : twoOfSix });
    }
    await testDb().transaction((tx) => gradeClosedAttempts(tx, { taskId: big.taskId }));
    const bigIds = { courseId: course.id, taskId: big.taskId };

    const first = await countQueries(() => loadQuizResults(testDb(), teacher, bigIds, query({ sort: "student", dir: "asc" }), now));
    const second = await countQueries(() =>
      loadQuizResults(testDb(), teacher, bigIds, query({ sort: "student", dir: "asc", page: 2 }), now),
    );
    const small = await countQueries(() => loadQuizResults(testDb(), teacher, ids(), query(), now));
    expect(first.count).toBe(4);
    expect(second.count).toBe(4);
    expect(small.count).toBe(4);

    expect(first.result!.attempts).toMatchObject({ total: 25, page: 1, pageCount: 2 });
    expect(first.result!.attempts.rows).toHaveLength(20);
    expect(first.result!.attempts.rows[0]!.studentName).toBe("Pager 01");
    expect(second.result!.attempts.rows.map((row) => row.studentName)).toEqual(["Pager 21", "Pager 22", "Pager 23", "Pager 24", "Pager 25"]);
    expect(first.result!.summary).toMatchObject({ attempts: 25, graded: 25, distribution: [0, 0, 0, 12, 0, 0, 0, 0, 0, 13] });
    const beyond = await listQuizAttempts(testDb(), big.taskId, query({ page: 3 }), now);
    expect(beyond.rows).toEqual([]);
  });

  it("reads the URL's parameters defensively", () => {
    expect(parseAttemptsQuery({ sort: "score", dir: "asc", status: "closing", q: "  ann ", page: "2" })).toEqual({
      q: "ann",
      status: "closing",
      sort: "score",
      dir: "asc",
      page: 2,
    });
    expect(parseAttemptsQuery({ sort: "drop table", dir: "sideways", status: "x", page: "-1" })).toEqual(defaultAttemptsQuery);
  });
});

describe("who may see the results", () => {
  it("another teacher, a student and a guest-like malformed id get nothing; an admin sees them", async () => {
    const otherTeacher = await createActor("teacher");
    const student = await createActor("student");
    await insertEnrollment(student.id, course.id);
    const admin = await createActor("admin");
    expect(await loadQuizResults(testDb(), otherTeacher, ids(), query(), now)).toBeNull();
    expect(await loadQuizResults(testDb(), student, ids(), query(), now)).toBeNull();
    expect(await loadResultsQuiz(testDb(), teacher, { courseId: "not-a-uuid", taskId: quiz.taskId })).toBeNull();
    expect(await loadResultsQuiz(testDb(), teacher, { courseId: course.id, taskId: "nope" })).toBeNull();
    expect((await loadQuizResults(testDb(), admin, ids(), query(), now))!.summary.attempts).toBe(8);
    expect(await listCourseQuizzes(testDb(), otherTeacher, course.id)).toEqual([]);
    expect(await listCourseQuizzes(testDb(), student, course.id)).toEqual([]);
  });

  it("a quiz asked for under another course of the same teacher is not found", async () => {
    const otherCourse = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    expect(await loadResultsQuiz(testDb(), teacher, { courseId: otherCourse.id, taskId: quiz.taskId })).toBeNull();
  });
});

describe("listCourseQuizzes", () => {
  it("lists the course's quizzes with attempts, students and average, in one statement", async () => {
    const { result, count } = await countQueries(() => listCourseQuizzes(testDb(), teacher, course.id));
    expect(count).toBe(1);
    expect(result.find((row) => row.taskId === quiz.taskId)).toEqual({
      taskId: quiz.taskId,
      title: "Results fixture quiz",
      status: "published",
      questionCount: 5,
      attempts: 8,
      students: 7,
      averagePercent: 63.33,
    });
  });
});
