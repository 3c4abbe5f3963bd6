import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { quizAttempts, quizQuestions } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session-user";
import { saveBankQuestionAction } from "@/lib/question-bank/actions/save-bank-question-action";
import { bankQuestionAnswer } from "@/lib/question-bank/api-views";
import { loadBankQuestion } from "@/lib/question-bank/queries";
import { addBankQuestionsAction } from "@/lib/quizzes/actions/add-bank-questions-action";
import { createQuizAction } from "@/lib/quizzes/actions/create-quiz-action";
import { publishQuizAction } from "@/lib/quizzes/actions/publish-quiz-action";
import { saveQuestionAction } from "@/lib/quizzes/actions/save-question-action";
import { dataFieldValues, draftOfStored } from "@/lib/quizzes/authoring/question-data-fields";
import type { StoredQuestion } from "@/lib/quizzes/authoring/stored-questions";
import { readQuestionData } from "@/lib/quizzes/question-data";
import { saveAnswer } from "@/lib/quizzes/taking/save-answer";
import { startAttempt } from "@/lib/quizzes/taking/start-attempt";
import { submitAttempt } from "@/lib/quizzes/taking/submit-attempt";
import { testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { as, ok, questionsOf } from "./quiz-builder-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let teacher: CurrentUser;
let learner: CurrentUser;
let course: CourseFixture;

beforeEach(async () => {
  [teacher, learner] = await Promise.all([createActor("teacher"), createActor("student")]);
  course = await createCourse(teacher.id, { status: "published", modules: 1, lessonsPerModule: 0 });
  await insertEnrollment(learner.id, course.id);
});

/** One valid question of each data kind, as the question form sends it (new rows without ids). */
const inputs = {
  matching: {
    type: "matching" as const,
    text: "Match each country with its capital.",
    points: 3,
    matchingPairs: [
      { prompt: "France", answer: "Paris" },
      { prompt: "Italy", answer: "Rome" },
    ],
    matchingDistractors: [{ text: "Madrid" }],
  },
  ordering: { type: "ordering" as const, text: "Smallest first.", points: 2, orderingItems: [{ text: "1" }, { text: "10" }, { text: "100" }] },
  cloze: {
    type: "cloze" as const,
    text: "Paris is in [[1]]; the sky is [[2]].",
    points: 2,
    clozeGaps: [
      { kind: "short_answer" as const, points: 1, answers: [{ text: "France", weight: 100 }] },
      {
        kind: "dropdown" as const,
        points: 1,
        options: [
          { text: "blue", weight: 100 },
          { text: "green", weight: 0 },
        ],
      },
    ],
  },
  essay: { type: "essay" as const, text: "Why is the sky blue?", points: 5, graderInfo: "Mentions scattering." },
};

const createQuiz = async () => (await ok(teacher, createQuizAction, { courseId: course.id, moduleId: course.moduleIds[0]!, title: "Mixed kinds" })).taskId;

/** The stored question again in the form's fields, ids included: what the form sends when a teacher edits it. */
const formOf = (question: StoredQuestion) => ({
  type: question.type,
  text: question.text,
  points: question.points,
  ...dataFieldValues(draftOfStored(question.type, question.data)),
});

/** Every id in a version's data, in order. */
const idsOf = (question: { type: StoredQuestion["type"]; data: unknown }): string[] => {
  const data = readQuestionData(question.type, question.data);
  switch (data?.kind) {
    case "matching":
      return [...data.prompts.flatMap((prompt) => [prompt.id, prompt.answerId]), ...data.answers.map((answer) => answer.id)];
    case "ordering":
      return data.items.map((item) => item.id);
    case "cloze":
      return data.gaps.flatMap((gap) => (gap.kind === "dropdown" ? gap.options.map((option) => option.id) : []));
    default:
      return [];
  }
};

describe("authoring matching, ordering, cloze and essay questions", () => {
  it("saves each kind from the quiz builder, keeps its ids across edits, and publishes", async () => {
    const taskId = await createQuiz();
    for (const input of Object.values(inputs)) await ok(teacher, saveQuestionAction, { courseId: course.id, taskId, questionId: null, ...input });
    const saved = await questionsOf(taskId);
    expect(saved.map((question) => question.type)).toEqual(["matching", "ordering", "cloze", "essay"]);
    for (const question of saved) expect(readQuestionData(question.type, question.data)).not.toBeNull();
    const matching = readQuestionData("matching", saved[0]!.data)!;
    expect(matching.answers.map((answer) => answer.text)).toEqual(["Paris", "Rome", "Madrid"]);
    expect(saved[3]!.data).toEqual({ kind: "essay", graderInfo: "Mentions scattering." });

    // Edits in place (no attempt yet): rewording keeps every id and is no score change; a new row gets an id of its own.
    const [before] = await questionsOf(taskId);
    const form = formOf(before as StoredQuestion);
    const reworded = await ok(teacher, saveQuestionAction, {
      courseId: course.id,
      taskId,
      questionId: before!.id,
      ...form,
      matchingPairs: [...form.matchingPairs!.map((pair) => ({ ...pair, prompt: `${pair.prompt}!` })), { prompt: "Spain", answer: "Madrid" }],
      matchingDistractors: [],
    });
    expect(reworded).toMatchObject({ questionId: before!.id, newVersion: false, scoreChanged: true });
    const [after] = await questionsOf(taskId);
    const edited = readQuestionData("matching", after!.data)!;
    expect(edited.prompts.map((prompt) => prompt.text)).toEqual(["France!", "Italy!", "Spain"]);
    expect(idsOf(after!).slice(0, 4)).toEqual(idsOf(before!).slice(0, 4));
    // The distractor became Spain's answer and kept its id.
    expect(edited.prompts[2]!.answerId).toBe(matching.answers[2]!.id);

    const ordering = saved[1]!;
    const renamed = await ok(teacher, saveQuestionAction, {
      courseId: course.id,
      taskId,
      questionId: ordering.id,
      ...formOf(ordering as StoredQuestion),
      text: "Smallest number first.",
    });
    expect(renamed).toMatchObject({ newVersion: false, scoreChanged: false });
    expect(idsOf((await questionsOf(taskId))[1]!)).toEqual(idsOf(ordering));

    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true });
  });

  it("refuses to publish a question whose data is broken, with a message naming it", async () => {
    const taskId = await createQuiz();
    await ok(teacher, saveQuestionAction, { courseId: course.id, taskId, questionId: null, ...inputs.ordering });
    await ok(teacher, saveQuestionAction, { courseId: course.id, taskId, questionId: null, ...inputs.cloze });
    const [, cloze] = await questionsOf(taskId);
    await testDb().update(quizQuestions).set({ data: { kind: "cloze", gaps: [] } }).where(eq(quizQuestions.id, cloze!.id));
    expect(await as(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true })).toMatchObject({
      ok: false,
      error: expect.stringContaining("Question 2 needs attention before publishing"),
    });
    // Readable data that breaks a rule of the form is refused with that rule's message.
    await testDb()
      .update(quizQuestions)
      .set({ data: readQuestionData("cloze", cloze!.data), text: "Paris is in [[1]]." })
      .where(eq(quizQuestions.id, cloze!.id));
    expect(await as(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true })).toMatchObject({
      ok: false,
      error: "Question 2 needs attention before publishing: Blank 2 is not in the text; write [[2]] where it goes.",
    });
  });

  it("refuses invalid content next to its field, from the bank as from the builder", async () => {
    const result = await as(teacher, saveBankQuestionAction, {
      courseId: course.id,
      entryId: null,
      ...inputs.cloze,
      text: "Paris is in [[1]]; the sky is [[2]]; [[3]].",
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { text: ["The text has [[3]] but only 2 blanks are described."] } });
  });

  it("saves each kind in the bank, answers it through the API with its data, and makes a new version once an attempt has it", async () => {
    const entries: Record<string, string> = {};
    for (const [kind, input] of Object.entries(inputs)) {
      entries[kind] = (await ok(teacher, saveBankQuestionAction, { courseId: course.id, entryId: null, ...input, name: kind, tags: "kinds" })).entryId;
    }
    const view = await bankQuestionAnswer(testDb(), teacher, course.id, entries.cloze!);
    expect(view).toMatchObject({ type: "cloze", choices: [], data: { kind: "cloze", gaps: [{ kind: "short_answer" }, { kind: "dropdown" }] } });

    const taskId = await createQuiz();
    const v1 = (await loadBankQuestion(testDb(), teacher, course.id, entries.ordering!))!.question;
    await ok(teacher, addBankQuestionsAction, { courseId: course.id, taskId, entryIds: [entries.ordering!] });
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true });
    const attempt = await startAttempt(testDb(), learner, taskId);
    const order = readQuestionData("ordering", v1.data)!.items.map((item) => item.id);
    await saveAnswer(testDb(), learner, { attemptId: attempt.attemptId, questionId: v1.id, response: { order } });
    await submitAttempt(testDb(), learner, attempt.attemptId);
    const [graded] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, attempt.attemptId));
    expect(graded).toMatchObject({ questionOrder: [v1.id], scorePoints: 2, maxPoints: 2 });

    // Now in use: moving the last item first is a new version, with the same ids, and a score change.
    const form = formOf(v1);
    const saved = await ok(teacher, saveBankQuestionAction, {
      courseId: course.id,
      entryId: entries.ordering!,
      ...form,
      orderingItems: [form.orderingItems!.at(-1)!, ...form.orderingItems!.slice(0, -1)],
      name: "ordering",
    });
    expect(saved).toMatchObject({ version: 2, newVersion: true });
    const v2 = (await loadBankQuestion(testDb(), teacher, course.id, entries.ordering!))!.question;
    expect(v2.id).not.toBe(v1.id);
    expect(idsOf(v2)).toEqual([order[2], order[0], order[1]]);
    // Version 1 stays as the attempt had it.
    const [old] = await testDb().select().from(quizQuestions).where(eq(quizQuestions.id, v1.id));
    expect(readQuestionData("ordering", old!.data)!.items.map((item) => item.id)).toEqual(order);
  });
});
