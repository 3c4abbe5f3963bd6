// Quiz attempts through /api/v1, beyond the permission matrix: a whole attempt
// from start to score, Idempotency-Key on start and submit, answers refused
// once the attempt is over, no right answer before the review, and pages of
// attempts. Runs on PGlite and PostgreSQL.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { quizAttempts } from "@/db/schema";
import { attemptClosedMessage, timeUpMessage } from "@/lib/quizzes/taking/messages";
import { callApi, type ApiAnswer } from "./api/call-api";
import { buildWorld, type ApiWorld, type WorldUser } from "./api/world";
import { countQueries, testDb } from "./helpers";
import { createQuiz, secrets, type QuizFixture } from "./quiz-taking-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

let world: ApiWorld;
beforeAll(async () => {
  process.env.API_RATE_LIMIT_PER_IP = "1000000";
  process.env.API_RATE_LIMIT_PER_TOKEN = "1000000";
  world = await buildWorld();
});

type QuizOptions = Parameters<typeof createQuiz>[2];
const newQuiz = (options: QuizOptions = {}) =>
  createQuiz(world.course.id, world.course.moduleIds[1]!, { attemptsAllowed: null, timeLimitMinutes: null, ...options });

const start = (user: WorldUser, quiz: QuizFixture, headers?: Record<string, string>) =>
  callApi({ method: "POST", path: `/api/v1/quizzes/${quiz.taskId}/attempts`, token: user.token, headers });
const answer = (user: WorldUser, attemptId: string, questionId: string, response: unknown) =>
  callApi({ method: "PUT", path: `/api/v1/attempts/${attemptId}/answers/${questionId}`, token: user.token, body: { response } });
const submit = (user: WorldUser, attemptId: string, headers?: Record<string, string>) =>
  callApi({ method: "POST", path: `/api/v1/attempts/${attemptId}/submit`, token: user.token, headers });
const read = (user: WorldUser, path: string) => callApi({ path, token: user.token });

const attemptCount = async (userId: string, quiz: QuizFixture) =>
  (await testDb().select().from(quizAttempts).where(and(eq(quizAttempts.taskId, quiz.taskId), eq(quizAttempts.userId, userId)))).length;

function expectNoSecrets(answer: ApiAnswer) {
  const json = JSON.stringify(answer.body);
  for (const key of ['"isCorrect"', '"correct"', '"acceptedAnswers"', '"explanation"', '"numericValue"']) expect(json).not.toContain(key);
  for (const secret of [...secrets.explanations, ...secrets.acceptedAnswers, String(secrets.numericValue)]) expect(json).not.toContain(secret);
}

describe("taking a quiz through the API", () => {
  it("starts, saves an answer to each question, submits, and scores exactly as the grading does", async () => {
    const quiz = await newQuiz({ shuffleQuestions: true, shuffleChoices: true });
    const started = await start(world.student, quiz);
    expect(started.status).toBe(201);
    const attemptId: string = started.body.id;
    expect(started.body.questions.map((q: { id: string }) => q.id).sort()).toEqual([...quiz.questionIds].sort());

    const [single, multiple, trueFalse, short, numeric] = quiz.questionIds as [string, string, string, string, string];
    const saves = [
      answer(world.student, attemptId, single, { choiceIds: quiz.choices[0]!.correct }), // right: 1 of 1
      answer(world.student, attemptId, multiple, { choiceIds: [quiz.choices[1]!.correct[0]] }), // one of two right picks, partial credit: 1 of 2
      answer(world.student, attemptId, trueFalse, { choiceIds: [quiz.choices[2]!.ids.find((id) => !quiz.choices[2]!.correct.includes(id))] }), // wrong: 0 of 1
      answer(world.student, attemptId, short, { text: "  ZEBRAWORD " }), // accepted, any case, trimmed: 1 of 1
      answer(world.student, attemptId, numeric, { text: "271.83" }), // within the tolerance of 0.01: 1 of 1
    ];
    for (const saved of saves) expect((await saved).status).toBe(200);

    // The saved answers come back with the attempt, still without a right answer.
    const during = await read(world.student, `/api/v1/attempts/${attemptId}`);
    const answerOf = (id: string) => during.body.questions.find((q: { id: string }) => q.id === id).answer;
    // One-line answers are stored cleaned (trimmed); grading compares them trimmed anyway.
    expect(answerOf(short)).toEqual({ text: "ZEBRAWORD" });
    expect(answerOf(multiple)).toEqual({ choiceIds: [quiz.choices[1]!.correct[0]] });

    const submitted = await submit(world.student, attemptId);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ attemptId, status: "submitted", scorePoints: 4, maxPoints: 6, scorePercent: 66.67 });

    // The review (allowed after submit) gives each question's points; the teacher reads the same score.
    const after = await read(world.student, `/api/v1/attempts/${attemptId}`);
    expect(after.body).toMatchObject({ status: "submitted", scorePoints: 4, questions: null, review: { allowed: true } });
    const awarded = Object.fromEntries(after.body.review.questions.map((q: { id: string; pointsAwarded: number }) => [q.id, q.pointsAwarded]));
    expect(awarded).toEqual({ [single]: 1, [multiple]: 1, [trueFalse]: 0, [short]: 1, [numeric]: 1 });
    expect((await read(world.teacher, `/api/v1/attempts/${attemptId}`)).body).toMatchObject({ scorePoints: 4, scorePercent: 66.67 });
    expect((await read(world.student, `/api/v1/quizzes/${quiz.taskId}`)).body).toMatchObject({
      attemptsUsed: 1,
      openAttemptId: null,
      score: { points: 4, maxPoints: 6 },
    });
  });

  it("starts one attempt for two requests with the same Idempotency-Key, and resumes it without one", async () => {
    const quiz = await newQuiz();
    const first = await start(world.student, quiz, { "Idempotency-Key": "start-once" });
    const second = await start(world.student, quiz, { "Idempotency-Key": "start-once" });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.body.id).toBe(first.body.id);
    expect(await attemptCount(world.student.id, quiz)).toBe(1);

    // Without a key the open attempt is handed back (200), not a second one started.
    const resumed = await start(world.student, quiz);
    expect(resumed.status).toBe(200);
    expect(resumed.body.id).toBe(first.body.id);
    expect(await attemptCount(world.student.id, quiz)).toBe(1);
  });

  it("answers the same result when an attempt is submitted twice, with or without the same key", async () => {
    const quiz = await newQuiz();
    const attemptId = (await start(world.student, quiz)).body.id;
    await answer(world.student, attemptId, quiz.questionIds[0]!, { choiceIds: quiz.choices[0]!.correct });
    const first = await submit(world.student, attemptId, { "Idempotency-Key": "submit-once" });
    const replayed = await submit(world.student, attemptId, { "Idempotency-Key": "submit-once" });
    const again = await submit(world.student, attemptId);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: "submitted", scorePoints: 1, maxPoints: 6 });
    expect(replayed.body).toEqual(first.body);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it("refuses an answer once the attempt is submitted, and once its deadline has passed", async () => {
    const quiz = await newQuiz({ timeLimitMinutes: 5 });
    const closed = (await start(world.student, quiz)).body.id;
    await submit(world.student, closed);
    const late = await answer(world.student, closed, quiz.questionIds[0]!, { choiceIds: quiz.choices[0]!.correct });
    expect(late.status).toBe(409);
    expect(late.headers.get("content-type")).toBe("application/problem+json");
    expect(late.body.detail).toBe(attemptClosedMessage);

    // Time runs out: the answer is refused, and the attempt is submitted with what was saved before.
    const timed = (await start(world.student, quiz)).body.id;
    expect((await answer(world.student, timed, quiz.questionIds[0]!, { choiceIds: quiz.choices[0]!.correct })).status).toBe(200);
    await testDb().update(quizAttempts).set({ deadlineAt: new Date(Date.now() - 1000) }).where(eq(quizAttempts.id, timed));
    const tooLate = await answer(world.student, timed, quiz.questionIds[3]!, { text: "zebraword" });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.detail).toBe(timeUpMessage);
    expect((await read(world.student, `/api/v1/attempts/${timed}`)).body).toMatchObject({ status: "submitted", scorePoints: 1 });
  });

  it("checks the answer like the form: a question of another quiz is not found, a malformed answer has field errors", async () => {
    const quiz = await newQuiz();
    const attemptId = (await start(world.student, quiz)).body.id;
    const foreign = await answer(world.student, attemptId, world.course.quiz.questionIds[0]!, { choiceIds: [] });
    expect(foreign.status).toBe(404);
    const malformed = await answer(world.student, attemptId, quiz.questionIds[0]!, { choiceIds: ["not-a-choice"] });
    expect(malformed.status).toBe(422);
    expect(Object.keys(malformed.body.errors).some((field) => field.startsWith("response"))).toBe(true);
    const wrongShape = await answer(world.student, attemptId, quiz.questionIds[0]!, { text: "B" });
    expect(wrongShape.status).toBe(422);
  });
});

describe("what an exam costs the database", () => {
  // Counted, not timed: 500 students start within seconds on exam day (npm run bench:exam).
  it("starts an attempt in 16 statements and saves an answer in 5", async () => {
    const quiz = await newQuiz();
    const started = await countQueries(() => start(world.student, quiz));
    expect(started.result.status).toBe(201);
    // Token, rate counter; the quiz, the sweep of expired attempts, the student's attempts, questions, choices,
    // the new attempt and the task's progress; then the attempt as the answer shows it (7 reads).
    expect(started.count).toBe(16);
    expect(started.queries.filter((query) => /^(savepoint|release savepoint)/i.test(query))).toEqual([]);

    const attemptId: string = started.result.body.id;
    const saved = await countQueries(() => answer(world.student, attemptId, quiz.questionIds[3]!, { text: "an answer" }));
    expect(saved.result.status).toBe(200);
    expect(saved.count).toBe(5);
  });
});

describe("no right answer before the review", () => {
  it("never sends the secrets with an attempt in progress, even with answers saved", async () => {
    const quiz = await newQuiz({ shuffleQuestions: true, shuffleChoices: true });
    const started = await start(world.student, quiz);
    expectNoSecrets(started);
    await answer(world.student, started.body.id, quiz.questionIds[3]!, { text: "a guess" });
    const during = await read(world.student, `/api/v1/attempts/${started.body.id}`);
    expect(during.body.questions).toHaveLength(5);
    expectNoSecrets(during);
    expectNoSecrets(await read(world.student, `/api/v1/quizzes/${quiz.taskId}`));
  });

  it("keeps them back after submitting when the quiz shows only the score, or only after its due date", async () => {
    for (const options of [{ reviewPolicy: "never" }, { reviewPolicy: "after_due", dueAt: new Date(Date.now() + 86_400_000) }] as const) {
      const quiz = await newQuiz(options);
      const attemptId = (await start(world.student, quiz)).body.id;
      await submit(world.student, attemptId);
      const result = await read(world.student, `/api/v1/attempts/${attemptId}`);
      expect(result.body).toMatchObject({ status: "submitted", review: { allowed: false, notice: expect.any(String), questions: [] } });
      expectNoSecrets(result);
      // The course's teacher always reads the review.
      expect((await read(world.teacher, `/api/v1/attempts/${attemptId}`)).body.review.allowed).toBe(true);
    }
  });
});

describe("pages of attempts", () => {
  it("pages a student's attempts oldest first with next links, and an attempt started meanwhile joins the end", async () => {
    const quiz = await newQuiz();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const attemptId = (await start(world.student, quiz)).body.id;
      await submit(world.student, attemptId);
      made.push(attemptId);
    }
    const seen: { id: string; attemptNumber: number }[] = [];
    let next: string | null = `/api/v1/quizzes/${quiz.taskId}/attempts?limit=2`;
    let pages = 0;
    while (next) {
      const page = await read(world.student, next);
      expect(page.status).toBe(200);
      seen.push(...page.body.data);
      next = page.body.next;
      // A sixth attempt starts while the client is between pages.
      if (++pages === 1) made.push((await start(world.student, quiz)).body.id);
    }
    expect(pages).toBe(3);
    expect(seen.map((row) => row.id)).toEqual(made);
    expect(seen.map((row) => row.attemptNumber)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("lists every student's attempts for the teacher, filtered by student and status", async () => {
    const quiz = await newQuiz();
    await start(world.student, quiz);
    const other = (await start(world.otherStudent, quiz)).body.id;
    await submit(world.otherStudent, other);
    const all = await read(world.teacher, `/api/v1/quizzes/${quiz.taskId}/attempts`);
    expect(all.body.data.map((row: { student: { id: string } }) => row.student.id).sort()).toEqual(
      [world.student.id, world.otherStudent.id].sort(),
    );
    const mine = await read(world.teacher, `/api/v1/quizzes/${quiz.taskId}/attempts?studentId=${world.otherStudent.id}&status=submitted`);
    expect(mine.body.data).toEqual([expect.objectContaining({ id: other, status: "submitted", student: { id: world.otherStudent.id, name: expect.any(String) } })]);
    // A student's studentId filter cannot widen its own list.
    const sneaky = await read(world.student, `/api/v1/quizzes/${quiz.taskId}/attempts?studentId=${world.otherStudent.id}`);
    expect(sneaky.body.data.map((row: { student: { id: string } }) => row.student.id)).toEqual([world.student.id]);
    expect((await read(world.teacher, `/api/v1/quizzes/${quiz.taskId}/attempts?cursor=garbage`)).status).toBe(422);
  });
});
