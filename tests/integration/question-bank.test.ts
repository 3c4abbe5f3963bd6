import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, courses, questionBankEntries, quizAttempts, quizQuestions, quizSlots } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session-user";
import { createCategoryAction } from "@/lib/question-bank/actions/create-category-action";
import { deleteBankQuestionAction } from "@/lib/question-bank/actions/delete-bank-question-action";
import { deleteCategoryAction } from "@/lib/question-bank/actions/delete-category-action";
import { duplicateBankQuestionAction } from "@/lib/question-bank/actions/duplicate-bank-question-action";
import { moveBankQuestionsAction } from "@/lib/question-bank/actions/move-bank-questions-action";
import { saveBankQuestionAction } from "@/lib/question-bank/actions/save-bank-question-action";
import { updateCategoryAction } from "@/lib/question-bank/actions/update-category-action";
import { parseBankParams } from "@/lib/question-bank/bank-params";
import { loadBankQuestion, loadQuestionBank } from "@/lib/question-bank/queries";
import { addBankQuestionsAction } from "@/lib/quizzes/actions/add-bank-questions-action";
import { addRandomSlotAction } from "@/lib/quizzes/actions/add-random-slot-action";
import { createQuizAction } from "@/lib/quizzes/actions/create-quiz-action";
import { publishQuizAction } from "@/lib/quizzes/actions/publish-quiz-action";
import { regradeQuizAction } from "@/lib/quizzes/actions/regrade-quiz-action";
import { saveQuestionAction } from "@/lib/quizzes/actions/save-question-action";
import { loadQuizEditor } from "@/lib/quizzes/editor-queries";
import { loadAttemptReview } from "@/lib/quizzes/taking/attempt-review";
import { saveAnswer } from "@/lib/quizzes/taking/save-answer";
import { startAttempt } from "@/lib/quizzes/taking/start-attempt";
import { submitAttempt } from "@/lib/quizzes/taking/submit-attempt";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { as, ok, questionInputs } from "./quiz-builder-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let teacher: CurrentUser;
let otherTeacher: CurrentUser;
let learner: CurrentUser;
let course: CourseFixture;

beforeEach(async () => {
  [teacher, otherTeacher, learner] = await Promise.all([createActor("teacher"), createActor("teacher"), createActor("student")]);
  course = await createCourse(teacher.id, { status: "published", modules: 1, lessonsPerModule: 0 });
  await insertEnrollment(learner.id, course.id);
});

const bank = (params: Record<string, string> = {}) => loadQuestionBank(testDb(), teacher, course.id, parseBankParams(params));

const category = async (name: string, parentId: string | null = null) =>
  (await ok(teacher, createCategoryAction, { courseId: course.id, name, parentId })).categoryId;

type BankFields = Omit<Parameters<typeof saveBankQuestionAction>[0], "courseId">;
const addToBank = async (fields: BankFields) => (await ok(teacher, saveBankQuestionAction, { courseId: course.id, ...fields })).entryId;

const trueFalse = (text: string) => ({
  type: "true_false" as const,
  text,
  points: 1,
  choices: [
    { text: "True", isCorrect: true },
    { text: "False", isCorrect: false },
  ],
});

const createQuiz = async (title = "Kinematics check") =>
  (await ok(teacher, createQuizAction, { courseId: course.id, moduleId: course.moduleIds[0]!, title })).taskId;

describe("categories", () => {
  it("nest, refuse a sibling's name and a move under themselves, and delete only when empty", async () => {
    const physics = await category("Physics");
    const kinematics = await category("Kinematics", physics);
    const vectors = await category("Vectors", kinematics);
    expect((await bank())!.categories.map((c) => [c.path, c.depth])).toEqual([
      ["Physics", 0],
      ["Physics / Kinematics", 1],
      ["Physics / Kinematics / Vectors", 2],
    ]);
    expect(await as(teacher, createCategoryAction, { courseId: course.id, name: "kinematics", parentId: physics })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["A category of that name is already there. Choose another name."] },
    });
    // The same name elsewhere in the tree is fine.
    await category("Kinematics");
    expect(await as(teacher, updateCategoryAction, { courseId: course.id, categoryId: physics, name: "Physics", parentId: vectors })).toMatchObject({
      ok: false,
      fieldErrors: { parentId: ["A category cannot go inside itself or one of its subcategories."] },
    });
    await ok(teacher, updateCategoryAction, { courseId: course.id, categoryId: vectors, name: "Vectors and scalars", parentId: physics });
    expect((await bank())!.categories.find((c) => c.id === vectors)!.path).toBe("Physics / Vectors and scalars");

    await addToBank({ ...trueFalse("Speed is a vector."), categoryId: vectors });
    expect(await as(teacher, deleteCategoryAction, { courseId: course.id, categoryId: physics })).toMatchObject({ ok: false, error: "This category has subcategories. Move or delete them first." });
    expect(await as(teacher, deleteCategoryAction, { courseId: course.id, categoryId: vectors })).toMatchObject({ ok: false, error: expect.stringContaining("still holds questions") });
    await ok(teacher, deleteCategoryAction, { courseId: course.id, categoryId: kinematics });
    expect((await bank())!.categories.map((c) => c.name)).toEqual(["Kinematics", "Physics", "Vectors and scalars"]);
  });
});

describe("the bank's list", () => {
  it("filters by text, type, category (with subcategories), tag and use, pages on the server, in a fixed number of statements", async () => {
    const physics = await category("Physics");
    const kinematics = await category("Kinematics", physics);
    const a = await addToBank({ ...questionInputs.single, name: "Adding", categoryId: physics, tags: "easy, arithmetic" });
    const b = await addToBank({ ...questionInputs.short, categoryId: kinematics, tags: "Easy" });
    const c = await addToBank({ ...questionInputs.numeric, text: "100% of 3.14?", tags: "hard" });
    const taskId = await createQuiz();
    await ok(teacher, addBankQuestionsAction, { courseId: course.id, taskId, entryIds: [c] });

    const ids = async (params: Record<string, string>) => (await bank(params))!.rows.map((row) => row.entryId);
    expect(await ids({})).toEqual([c, b, a]);
    expect(await ids({ q: "france" })).toEqual([b]);
    expect(await ids({ q: "adding" })).toEqual([a]);
    // LIKE's wildcards are searched for as text.
    expect(await ids({ q: "100%" })).toEqual([c]);
    expect(await ids({ q: "_" })).toEqual([]);
    expect(await ids({ type: "numeric" })).toEqual([c]);
    expect(await ids({ category: physics })).toEqual([b, a]);
    expect(await ids({ category: physics, sub: "0" })).toEqual([a]);
    expect(await ids({ category: "none" })).toEqual([c]);
    expect(await ids({ tag: "easy" })).toEqual([b, a]);
    expect(await ids({ usage: "used" })).toEqual([c]);
    expect(await ids({ usage: "unused" })).toEqual([b, a]);
    expect((await bank())!.tags).toEqual(["arithmetic", "easy", "hard"]);
    expect((await bank({ usage: "used" }))!.rows[0]!.usedIn).toEqual([{ taskId, title: "Kinematics check", status: "draft" }]);

    for (let i = 0; i < 30; i++) await addToBank(trueFalse(`Statement ${i}`));
    const first = (await bank())!;
    expect(first.total).toBe(33);
    expect(first.rows).toHaveLength(25);
    expect((await bank({ page: "2" }))!.rows).toHaveLength(8);
    const { count } = await countQueries(() => bank({ tag: "easy", category: physics }));
    expect(count).toBe(5);
  });

  it("is not found for another teacher, a student or a malformed course id", async () => {
    expect(await loadQuestionBank(testDb(), otherTeacher, course.id, parseBankParams({}))).toBeNull();
    expect(await loadQuestionBank(testDb(), learner, course.id, parseBankParams({}))).toBeNull();
    expect(await loadQuestionBank(testDb(), teacher, "not-an-id", parseBankParams({}))).toBeNull();
    const entryId = await addToBank(trueFalse("Mine"));
    expect(await loadBankQuestion(testDb(), otherTeacher, course.id, entryId)).toBeNull();
    for (const actor of [otherTeacher, learner]) {
      expect(await as(actor, saveBankQuestionAction, { courseId: course.id, entryId, ...trueFalse("Theirs") })).toMatchObject({ ok: false });
      expect(await as(actor, deleteBankQuestionAction, { courseId: course.id, entryId })).toMatchObject({ ok: false });
      expect(await as(actor, createCategoryAction, { courseId: course.id, name: "X", parentId: null })).toMatchObject({ ok: false });
    }
    expect((await loadBankQuestion(testDb(), teacher, course.id, entryId))!.question.text).toBe("Mine");
  });
});

describe("versions", () => {
  it("change in place until an attempt has the question; then an edit is a new version and the attempt keeps its own", async () => {
    const taskId = await createQuiz();
    const entryId = await addToBank({ ...questionInputs.single, tags: "easy" });
    await ok(teacher, addBankQuestionsAction, { courseId: course.id, taskId, entryIds: [entryId] });
    const v1 = (await loadBankQuestion(testDb(), teacher, course.id, entryId))!.question;
    // Unused: edited in place, choices keep their ids.
    await ok(teacher, saveBankQuestionAction, { courseId: course.id, entryId, ...questionInputs.single, text: "2 + 2 equals?", choices: v1.choices.map(({ id, text, isCorrect }) => ({ id, text, isCorrect })) });
    const edited = (await loadBankQuestion(testDb(), teacher, course.id, entryId))!.question;
    expect(edited).toMatchObject({ id: v1.id, version: 1, text: "2 + 2 equals?" });
    expect(edited.choices.map((choice) => choice.id)).toEqual(v1.choices.map((choice) => choice.id));

    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true });
    const first = await startAttempt(testDb(), learner, taskId);
    const four = v1.choices.find((choice) => choice.text === "4")!;
    await saveAnswer(testDb(), learner, { attemptId: first.attemptId, questionId: v1.id, response: { choiceIds: [four.id] } });

    // Now used: the edit makes version 2; the open attempt still has version 1 and its answer.
    const saved = await ok(teacher, saveBankQuestionAction, {
      courseId: course.id,
      entryId,
      ...questionInputs.single,
      text: "Two plus two?",
      points: 4,
      choices: edited.choices.map(({ id, text, isCorrect }) => ({ id, text, isCorrect })),
    });
    expect(saved).toMatchObject({ version: 2, newVersion: true });
    expect(saved.questionId).not.toBe(v1.id);
    await submitAttempt(testDb(), learner, first.attemptId);
    const [attempt] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, first.attemptId));
    expect(attempt).toMatchObject({ questionOrder: [v1.id], scorePoints: 2, maxPoints: 2 });
    const review = await loadAttemptReview(testDb(), attempt!);
    expect(review.map((question) => [question.text, question.points, question.pointsAwarded])).toEqual([["2 + 2 equals?", 2, 2]]);

    // The quiz shows the new version and its points from now on.
    const editor = await loadQuizEditor(testDb(), teacher, course.id, taskId);
    expect(editor!.slots[0]).toMatchObject({ kind: "question", question: { id: saved.questionId, version: 2, text: "Two plus two?" } });
    expect(editor!.maxPoints).toBe(4);
    // Points changed, so the graded attempt is stale; re-grading carries it (and its pick) to version 2.
    expect(editor!.staleAttempts).toBe(1);
    expect(await ok(teacher, regradeQuizAction, { courseId: course.id, taskId })).toMatchObject({ regraded: 1, changed: 1 });
    const [regraded] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, first.attemptId));
    expect(regraded).toMatchObject({ questionOrder: [saved.questionId], scorePoints: 4, maxPoints: 4 });
    expect(await testDb().select().from(quizQuestions).where(eq(quizQuestions.entryId, entryId))).toHaveLength(2);
  });
});

describe("random slots", () => {
  it("give each attempt its own draw from the category and tag, recorded so a resume shows the same questions", async () => {
    const kinematics = await category("Kinematics");
    const sub = await category("Graphs", kinematics);
    const inCategory = [];
    for (let i = 0; i < 4; i++) inCategory.push(await addToBank({ ...trueFalse(`Easy ${i}`), categoryId: i < 2 ? kinematics : sub, tags: "easy" }));
    await addToBank({ ...trueFalse("Hard one"), categoryId: kinematics, tags: "hard" });
    await addToBank({ ...trueFalse("Elsewhere"), tags: "easy" });
    const chosen = await addToBank({ ...questionInputs.numeric, categoryId: kinematics, tags: "easy" });

    const taskId = await createQuiz();
    await ok(teacher, addBankQuestionsAction, { courseId: course.id, taskId, entryIds: [chosen, chosen] });
    await ok(teacher, addRandomSlotAction, { courseId: course.id, taskId, categoryId: kinematics, includeSubcategories: true, tag: "Easy", drawCount: 3, points: 2 });
    const editor = await loadQuizEditor(testDb(), teacher, course.id, taskId);
    expect(editor).toMatchObject({ questionCount: 4, maxPoints: 3 + 3 * 2 });
    // The chosen numeric question is tagged easy too, but an attempt never gets it twice.
    expect(editor!.slots[1]).toMatchObject({ kind: "random", available: 4, drawCount: 3, label: "3 random questions from category Kinematics and its subcategories, tagged “easy”" });
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true });

    const versionsOf = async (entryIds: string[]) =>
      (await testDb().select({ id: quizQuestions.id, entryId: quizQuestions.entryId }).from(quizQuestions)).filter((row) => entryIds.includes(row.entryId)).map((row) => row.id);
    const pool = new Set(await versionsOf(inCategory));
    const draws = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const student = await createActor("student");
      await insertEnrollment(student.id, course.id);
      const started = await startAttempt(testDb(), student, taskId);
      const [attempt] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, started.attemptId));
      const drawn = attempt!.questionOrder.slice(1);
      expect(drawn).toHaveLength(3);
      expect(new Set(drawn).size).toBe(3);
      for (const id of drawn) expect(pool.has(id)).toBe(true);
      expect(attempt!.questionOrder.map((id) => attempt!.questionPoints[id])).toEqual([3, 2, 2, 2]);
      draws.add([...drawn].sort().join());
      // Resuming hands back the same attempt and questions.
      const again = await startAttempt(testDb(), student, taskId);
      expect(again).toMatchObject({ attemptId: started.attemptId, created: false });
      const [same] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, started.attemptId));
      expect(same!.questionOrder).toEqual(attempt!.questionOrder);
    }
    // Four questions, three drawn: six students almost surely did not all get the same set (1 in 4^5).
    expect(draws.size).toBeGreaterThan(1);
  });

  it("refuse publishing while the bank holds too few questions for the draw, and an attempt cannot start short", async () => {
    const kinematics = await category("Kinematics");
    await addToBank({ ...trueFalse("Only one"), categoryId: kinematics });
    const taskId = await createQuiz();
    await ok(teacher, addRandomSlotAction, { courseId: course.id, taskId, categoryId: kinematics, includeSubcategories: false, tag: null, drawCount: 2, points: 1 });
    expect(await as(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true })).toMatchObject({
      ok: false,
      error: expect.stringContaining("has 1 question left for “2 random questions from category Kinematics”"),
    });
    await addToBank({ ...trueFalse("Second"), categoryId: kinematics });
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true });
    // Two slots drawing from the same pool need their sum.
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: false });
    await ok(teacher, addRandomSlotAction, { courseId: course.id, taskId, categoryId: null, includeSubcategories: true, tag: null, drawCount: 1, points: 1 });
    expect(await as(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true })).toMatchObject({ ok: false, error: expect.stringContaining("whole question bank") });
    // A category a random slot draws from cannot be deleted.
    expect(await as(teacher, addRandomSlotAction, { courseId: course.id, taskId, categoryId: "6f1c1a38-5a8e-4c36-9d57-1b1c8b9bd000", includeSubcategories: false, tag: null, drawCount: 1, points: 1 })).toMatchObject({ ok: false });
    expect(await as(teacher, addRandomSlotAction, { courseId: course.id, taskId, categoryId: kinematics, includeSubcategories: false, tag: null, drawCount: 0, points: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { drawCount: ["Draw from 1 to 100 questions."] },
    });
  });
});

describe("bank questions", () => {
  it("are duplicated, moved, and deleted: refused while a published quiz uses them, kept for attempts that had them", async () => {
    const target = await category("Revision");
    const entryId = await addToBank({ ...questionInputs.single, name: "Sum", tags: "easy" });
    const copy = (await ok(teacher, duplicateBankQuestionAction, { courseId: course.id, entryId })).entryId;
    expect((await loadBankQuestion(testDb(), teacher, course.id, copy))!).toMatchObject({ tags: ["easy"], question: { name: "Copy of Sum", text: "2 + 2 = ?" } });
    await ok(teacher, moveBankQuestionsAction, { courseId: course.id, entryIds: [entryId, copy], categoryId: target });
    expect((await bank({ category: target }))!.rows).toHaveLength(2);

    const published = await createQuiz("Published quiz");
    const draft = await createQuiz("Draft quiz");
    for (const taskId of [published, draft]) await ok(teacher, addBankQuestionsAction, { courseId: course.id, taskId, entryIds: [entryId] });
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId: published, publish: true });
    const started = await startAttempt(testDb(), learner, published);
    await submitAttempt(testDb(), learner, started.attemptId);

    expect(await as(teacher, deleteBankQuestionAction, { courseId: course.id, entryId })).toEqual({
      ok: false,
      error: "This question is used by the published quiz “Published quiz”. Remove it there (or unpublish) first.",
      fieldErrors: {},
    });
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId: published, publish: false });
    expect(await ok(teacher, deleteBankQuestionAction, { courseId: course.id, entryId })).toMatchObject({ keptForAttempts: true });
    expect(await testDb().select().from(quizSlots).where(eq(quizSlots.entryId, entryId))).toEqual([]);
    expect((await bank())!.rows.map((row) => row.entryId)).toEqual([copy]);
    // The attempt still shows and grades the question.
    const [attempt] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, started.attemptId));
    expect((await loadAttemptReview(testDb(), attempt!)).map((question) => question.text)).toEqual(["2 + 2 = ?"]);
    // Never given to anyone: gone outright.
    expect(await ok(teacher, deleteBankQuestionAction, { courseId: course.id, entryId: copy })).toMatchObject({ keptForAttempts: false });
    expect(await testDb().select().from(questionBankEntries).where(eq(questionBankEntries.id, copy))).toEqual([]);
    const audits = await testDb().select().from(auditLog).where(and(eq(auditLog.action, "question.deleted"), eq(auditLog.actorId, teacher.id)));
    expect(audits).toHaveLength(2);
  });

  it("saved from the quiz builder land in the bank, uncategorised, and the course's deletion takes the bank with it", async () => {
    const taskId = await createQuiz();
    await ok(teacher, saveQuestionAction, { courseId: course.id, taskId, ...questionInputs.short });
    expect((await bank({ category: "none", usage: "used" }))!.rows.map((row) => row.text)).toEqual(["Capital of France?"]);
    await testDb().delete(courses).where(eq(courses.id, course.id));
    expect(await testDb().select().from(questionBankEntries).where(eq(questionBankEntries.courseId, course.id))).toEqual([]);
  });
});
