import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { quizAttempts, quizQuestions, quizzes } from "@/db/schema";
import { bankQuestionSchema } from "@/lib/api/contracts/question-bank";
import type { CurrentUser } from "@/lib/auth/session-user";
import { bankQuestionView } from "@/lib/question-bank/api-views";
import { saveBankQuestionAction } from "@/lib/question-bank/actions/save-bank-question-action";
import { parseBankParams } from "@/lib/question-bank/bank-params";
import { exportQuestions } from "@/lib/question-bank/export/export-questions";
import { prepareImport } from "@/lib/question-bank/import/prepare-import";
import { saveImport } from "@/lib/question-bank/import/save-import";
import { loadBankQuestion, loadQuestionBank } from "@/lib/question-bank/queries";
import type { ImportFormat } from "@/lib/question-formats/formats";
import { addBankQuestionsAction } from "@/lib/quizzes/actions/add-bank-questions-action";
import { createQuizAction } from "@/lib/quizzes/actions/create-quiz-action";
import { publishQuizAction } from "@/lib/quizzes/actions/publish-quiz-action";
import { questionFormValues } from "@/lib/quizzes/authoring/stored-questions";
import { loadAttemptReview } from "@/lib/quizzes/taking/attempt-review";
import { saveAnswer } from "@/lib/quizzes/taking/save-answer";
import { startAttempt } from "@/lib/quizzes/taking/start-attempt";
import { submitAttempt } from "@/lib/quizzes/taking/submit-attempt";
import { testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { ok } from "./quiz-builder-fixtures";

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

const bytes = (text: string) => new TextEncoder().encode(text);

const gift = `::Capital:: The county town of Yorkshire? {=York =%50%york minster =%25%Jorvik}

::Pi:: Pi to two decimal places? {#=3.14:0.01 =%50%3:0 =%75%3.1:0.02}

::Plain:: The capital of France? {=Paris}
`;

async function importInto(courseId: string, format: ImportFormat, data: Uint8Array) {
  const prepared = prepareImport(format, data, "upload");
  const saved = await testDb().transaction((tx) => saveImport(tx, teacher, { courseId, categoryId: null, format, fileName: "upload", prepared }));
  return { prepared, saved };
}

/** The bank's questions by name, as far as their answers go. */
async function answersByName(courseId: string) {
  const view = await loadQuestionBank(testDb(), teacher, courseId, parseBankParams({}));
  const details = await Promise.all(view!.rows.map((row) => loadBankQuestion(testDb(), teacher, courseId, row.entryId)));
  return Object.fromEntries(
    details.map((detail) => {
      const { entryId, name, type, acceptedAnswers, numericValue, numericTolerance, data } = detail!.question;
      return [name, { entryId, type, acceptedAnswers, numericValue, numericTolerance, data }];
    }),
  );
}

const capitalData = { kind: "short_answer", partial: [{ text: "york minster", weight: 50 }, { text: "Jorvik", weight: 25 }] };
const piData = { kind: "numeric", others: [{ value: 3.1, tolerance: 0.02, weight: 75 }, { value: 3, tolerance: 0, weight: 50 }] };

describe("partly right short answers and other numeric values", () => {
  it("are imported without a note, graded, shown on review and kept by an edit", async () => {
    const { prepared } = await importInto(course.id, "gift", bytes(gift));
    expect(prepared.problems).toEqual([]);
    expect(prepared.questions.map((question) => [question.title, question.notes])).toEqual([
      ["Capital", []],
      ["Pi", []],
      ["Plain", []],
    ]);
    const bank = await answersByName(course.id);
    expect(bank.Capital).toMatchObject({ type: "short_answer", acceptedAnswers: ["York"], data: capitalData });
    expect(bank.Pi).toMatchObject({ type: "numeric", numericValue: 3.14, numericTolerance: 0.01, data: piData });
    expect(bank.Plain).toMatchObject({ acceptedAnswers: ["Paris"], data: null });
    // The bank's API shows them in its documented shape.
    const view = bankQuestionView((await loadBankQuestion(testDb(), teacher, course.id, bank.Pi!.entryId))!);
    expect(bankQuestionSchema.parse(view).data).toEqual(piData);

    const { taskId } = await ok(teacher, createQuizAction, { courseId: course.id, moduleId: course.moduleIds[0]!, title: "Extras" });
    await ok(teacher, addBankQuestionsAction, { courseId: course.id, taskId, entryIds: [bank.Capital!.entryId, bank.Pi!.entryId, bank.Plain!.entryId] });
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true });

    const { attemptId } = await startAttempt(testDb(), learner, taskId);
    const [attempt] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
    const versionOf = async (entryId: string) => (await testDb().select({ id: quizQuestions.id }).from(quizQuestions).where(eq(quizQuestions.entryId, entryId)))[0]!.id;
    const [capital, pi, plain] = await Promise.all([versionOf(bank.Capital!.entryId), versionOf(bank.Pi!.entryId), versionOf(bank.Plain!.entryId)]);
    expect([...attempt!.questionOrder].sort()).toEqual([capital, pi, plain].sort());
    await saveAnswer(testDb(), learner, { attemptId, questionId: capital!, response: { text: " York Minster " } });
    await saveAnswer(testDb(), learner, { attemptId, questionId: pi!, response: { text: "3.11" } });
    await saveAnswer(testDb(), learner, { attemptId, questionId: plain!, response: { text: "paris" } });
    await submitAttempt(testDb(), learner, attemptId);

    // 0.5 of 1 point, 0.75 of 1 point and 1 point.
    const [graded] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
    expect(graded).toMatchObject({ scorePoints: 2.25, maxPoints: 3 });
    const review = await loadAttemptReview(testDb(), graded!);
    const reviewOf = (id: string) => review.find((question) => question.id === id)!;
    expect(reviewOf(capital!)).toMatchObject({ pointsAwarded: 0.5, isCorrect: false, partialAnswers: capitalData.partial, otherNumericAnswers: [] });
    expect(reviewOf(pi!)).toMatchObject({ pointsAwarded: 0.75, isCorrect: false, partialAnswers: [], otherNumericAnswers: piData.others });
    expect(reviewOf(plain!)).toMatchObject({ pointsAwarded: 1, isCorrect: true, partialAnswers: [], otherNumericAnswers: [] });

    // Editing the wording through the bank's form keeps the extras: a new version (the attempt has the old one), and no score change.
    const contentVersion = async () => (await testDb().select({ value: quizzes.contentVersion }).from(quizzes).where(eq(quizzes.taskId, taskId)))[0]!.value;
    const versionBefore = await contentVersion();
    for (const name of ["Capital", "Pi"] as const) {
      const detail = await loadBankQuestion(testDb(), teacher, course.id, bank[name]!.entryId);
      const { type, text, points, explanation, choices, acceptedAnswers, numericValue, numericTolerance, numericOthers } = questionFormValues(detail!.question);
      const saved = await ok(teacher, saveBankQuestionAction, {
        courseId: course.id,
        entryId: bank[name]!.entryId,
        name,
        type,
        text: `${text} (reworded)`,
        points,
        explanation,
        choices,
        acceptedAnswers,
        numericValue,
        numericTolerance,
        numericOthers,
      });
      expect(saved).toMatchObject({ newVersion: true });
    }
    const edited = await answersByName(course.id);
    expect(edited.Capital).toMatchObject({ acceptedAnswers: ["York"], data: capitalData });
    expect(edited.Pi).toMatchObject({ numericValue: 3.14, data: piData });
    expect(await contentVersion()).toBe(versionBefore);

    // Changing a partly right answer's marks is a score change: the quiz's graded attempts are out of date.
    await ok(teacher, saveBankQuestionAction, {
      courseId: course.id,
      entryId: bank.Capital!.entryId,
      name: "Capital",
      type: "short_answer",
      text: "The county town of Yorkshire?",
      points: 1,
      acceptedAnswers: [{ value: "York" }, { value: "york minster", weight: 60 }],
    });
    expect((await answersByName(course.id)).Capital).toMatchObject({ data: { kind: "short_answer", partial: [{ text: "york minster", weight: 60 }] } });
    expect(await contentVersion()).toBe(versionBefore + 1);
  });

  it.each(["gift", "moodle_xml", "qti3"] as const)("come back from an export in %s", async (format) => {
    await importInto(course.id, "gift", bytes(gift));
    const exported = await exportQuestions(testDb(), teacher, { courseId: course.id, format });
    expect(exported).toMatchObject({ count: 3, skipped: [] });
    const data = typeof exported!.data === "string" ? bytes(exported!.data) : exported!.data;
    const other = await createCourse(teacher.id, { status: "draft", modules: 1, lessonsPerModule: 0 });
    const back = await importInto(other.id, format === "qti3" ? "qti" : format, data);
    expect(back.prepared.problems).toEqual([]);
    const strip = (byName: Awaited<ReturnType<typeof answersByName>>) =>
      Object.fromEntries(Object.entries(byName).map(([name, { entryId: _entryId, ...rest }]) => [name, rest]));
    const before = strip(await answersByName(course.id));
    const after = strip(await answersByName(other.id));
    if (format === "qti3") {
      // QTI's numeric item carries one value and tolerance: the other values stay behind (docs/question-bank.md).
      expect(after).toEqual({ ...before, Pi: { ...before.Pi, data: null } });
    } else {
      expect(after).toEqual(before);
    }
  });
});
