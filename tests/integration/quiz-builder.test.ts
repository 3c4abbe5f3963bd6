import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, courses, learningTasks, quizAttempts, quizSlots, quizzes, taskProgress } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session-user";
import { createQuizAction } from "@/lib/quizzes/actions/create-quiz-action";
import { deleteQuestionAction } from "@/lib/quizzes/actions/delete-question-action";
import { deleteQuizAction } from "@/lib/quizzes/actions/delete-quiz-action";
import { moveQuizAction } from "@/lib/quizzes/actions/move-quiz-action";
import { publishQuizAction } from "@/lib/quizzes/actions/publish-quiz-action";
import { regradeQuizAction } from "@/lib/quizzes/actions/regrade-quiz-action";
import { reorderQuestionsAction } from "@/lib/quizzes/actions/reorder-questions-action";
import { saveQuestionAction } from "@/lib/quizzes/actions/save-question-action";
import { updateQuizSettingsAction } from "@/lib/quizzes/actions/update-quiz-settings-action";
import {
  lastQuestionMessage,
  noQuestionsToPublishMessage,
  quizCourseNotFoundMessage,
  staleQuestionOrderMessage,
} from "@/lib/quizzes/authoring/messages";
import { loadCourseQuizzes, loadQuizEditor } from "@/lib/quizzes/editor-queries";
import { gradeClosedAttempts } from "@/lib/quizzes/record-grades";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, enrollmentOf, eventsOf, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { as, insertSubmittedAttempt, ok, questionInputs, questionsOf, slotIdsOf, taskRow } from "./quiz-builder-fixtures";
import { insertQuizQuestions } from "@/lib/question-bank/insert-quiz-questions";

// The real exported actions, called as the browser would: only the session
// reader (which needs the Next.js runtime) and the cache are replaced.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let teacher: CurrentUser;
let otherTeacher: CurrentUser;
let student: CurrentUser;
let admin: CurrentUser;
let course: CourseFixture;

beforeEach(async () => {
  [teacher, otherTeacher, student, admin] = await Promise.all([
    createActor("teacher"),
    createActor("teacher"),
    createActor("student"),
    createActor("admin"),
  ]);
  course = await createCourse(teacher.id, { status: "draft", modules: 2, lessonsPerModule: 1 });
});

const createQuiz = async (title = "Check-up", moduleIndex = 0) =>
  (await ok(teacher, createQuizAction, { courseId: course.id, moduleId: course.moduleIds[moduleIndex]!, title })).taskId;

type QuestionFields = Omit<Parameters<typeof saveQuestionAction>[0], "courseId" | "taskId">;

const addQuestion = async (taskId: string, question: QuestionFields) =>
  (await ok(teacher, saveQuestionAction, { courseId: course.id, taskId, ...question })).questionId;

const versionOf = async (taskId: string) => (await taskRow(taskId)).quiz!.contentVersion;

const settings = {
  title: "Check-up",
  description: "",
  timeLimitMinutes: 10,
  unlimitedAttempts: false,
  attemptsAllowed: 2,
  gradingMethod: "highest" as const,
  shuffleQuestions: false,
  shuffleChoices: false,
  partialCredit: false,
  reviewPolicy: "after_submit" as const,
  dueAt: null,
};

describe("creating a quiz", () => {
  it("adds a draft quiz task and its settings row at the end of the module", async () => {
    const first = await createQuiz("First");
    const second = await createQuiz("  Second  ");
    const { task, quiz } = await taskRow(second);
    expect(task).toMatchObject({ courseId: course.id, moduleId: course.moduleIds[0], type: "quiz", status: "draft", title: "Second", position: 1, maxPoints: null });
    expect(quiz).toMatchObject({ attemptsAllowed: 1, gradingMethod: "highest", reviewPolicy: "after_submit", contentVersion: 1 });
    expect((await taskRow(first)).task!.position).toBe(0);
    const listed = await loadCourseQuizzes(testDb(), teacher, course.id);
    expect(listed.map((entry) => [entry.title, entry.questionCount])).toEqual([
      ["First", 0],
      ["Second", 0],
    ]);
  });

  it("refuses a blank title and a module of another course, creating nothing", async () => {
    expect(await as(teacher, createQuizAction, { courseId: course.id, moduleId: course.moduleIds[0]!, title: " " })).toMatchObject({
      ok: false,
      fieldErrors: { title: ["Enter a title."] },
    });
    const elsewhere = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 0 });
    expect(await as(teacher, createQuizAction, { courseId: course.id, moduleId: elsewhere.moduleIds[0]!, title: "Quiz" })).toMatchObject({ ok: false });
    expect(await testDb().select().from(learningTasks).where(eq(learningTasks.courseId, course.id))).toEqual([]);
  });

  it("is refused as not found for another teacher and a student, and allowed for an admin", async () => {
    for (const actor of [otherTeacher, student]) {
      const result = await as(actor, createQuizAction, { courseId: course.id, moduleId: course.moduleIds[0]!, title: "Sneaky" });
      expect(result).toEqual({ ok: false, error: quizCourseNotFoundMessage, fieldErrors: {} });
    }
    expect(await testDb().select().from(learningTasks).where(eq(learningTasks.courseId, course.id))).toEqual([]);
    await ok(admin, createQuizAction, { courseId: course.id, moduleId: course.moduleIds[0]!, title: "By the admin" });
  });
});

describe("settings", () => {
  it("are saved on the task and the quiz; unlimited attempts store null", async () => {
    const taskId = await createQuiz();
    const dueAt = new Date(Date.now() + 86_400_000);
    await ok(teacher, updateQuizSettingsAction, {
      courseId: course.id,
      taskId,
      ...settings,
      title: "Renamed",
      description: "Ten minutes.",
      unlimitedAttempts: true,
      attemptsAllowed: 3,
      gradingMethod: "average",
      shuffleQuestions: true,
      shuffleChoices: true,
      partialCredit: true,
      reviewPolicy: "after_due",
      dueAt,
    });
    const { task, quiz } = await taskRow(taskId);
    expect(task).toMatchObject({ title: "Renamed", description: "Ten minutes.", dueAt });
    expect(quiz).toMatchObject({
      timeLimitMinutes: 10,
      attemptsAllowed: null,
      gradingMethod: "average",
      shuffleQuestions: true,
      shuffleChoices: true,
      partialCredit: true,
      reviewPolicy: "after_due",
    });
  });

  it("refuses bad settings field by field and changes nothing", async () => {
    const taskId = await createQuiz();
    const before = await taskRow(taskId);
    const cases: [object, string, string][] = [
      [{ attemptsAllowed: null }, "attemptsAllowed", "Enter a number of attempts, or choose unlimited attempts."],
      [{ reviewPolicy: "after_due" }, "reviewPolicy", "Set a due date to show answers after it."],
      [{ dueAt: new Date(Date.now() - 60_000) }, "dueAt", "The due date must be in the future."],
      [{ timeLimitMinutes: 0 }, "timeLimitMinutes", "Enter a time limit from 1 to 1440 minutes, or leave it empty."],
      [{ title: "" }, "title", "Enter a title."],
    ];
    for (const [change, field, message] of cases) {
      const result = await as(teacher, updateQuizSettingsAction, { courseId: course.id, taskId, ...settings, ...change });
      expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: [message] } });
    }
    expect(await taskRow(taskId)).toEqual(before);
  });

  it("bump the content version only for the grading method and partial credit", async () => {
    const taskId = await createQuiz();
    await ok(teacher, updateQuizSettingsAction, { courseId: course.id, taskId, ...settings, title: "New", timeLimitMinutes: 30, shuffleChoices: true });
    expect(await versionOf(taskId)).toBe(1);
    await ok(teacher, updateQuizSettingsAction, { courseId: course.id, taskId, ...settings, gradingMethod: "latest" });
    expect(await versionOf(taskId)).toBe(2);
    await ok(teacher, updateQuizSettingsAction, { courseId: course.id, taskId, ...settings, gradingMethod: "latest", partialCredit: true });
    expect(await versionOf(taskId)).toBe(3);
  });
});

describe("questions", () => {
  it("of all five types are saved in order, and max points follow their points", async () => {
    const taskId = await createQuiz();
    for (const question of Object.values(questionInputs)) await addQuestion(taskId, question);
    const stored = await questionsOf(taskId);
    expect(stored.map((q) => [q.type, q.position, q.points])).toEqual([
      ["single_choice", 0, 2],
      ["multiple_choice", 1, 2],
      ["true_false", 2, 1],
      ["short_answer", 3, 1],
      ["numeric", 4, 3],
    ]);
    expect(stored[0]!.choices.map((c) => [c.text, c.isCorrect, c.position])).toEqual([
      ["3", false, 0],
      ["4", true, 1],
      ["5", false, 2],
    ]);
    expect(stored[0]!.explanation).toBe("Count it.");
    expect(stored[2]!.choices.map((c) => [c.text, c.isCorrect])).toEqual([
      ["True", true],
      ["False", false],
    ]);
    expect(stored[3]).toMatchObject({ acceptedAnswers: ["Paris", "paris, france"], numericValue: null });
    expect(stored[3]!.choices).toEqual([]);
    expect(stored[4]).toMatchObject({ numericValue: 3.14, numericTolerance: 0.005, acceptedAnswers: [] });
    expect((await taskRow(taskId)).task!.maxPoints).toBe(9);

    // Points edited: max points follow.
    await ok(teacher, saveQuestionAction, { courseId: course.id, taskId, questionId: stored[4]!.id, ...questionInputs.numeric, points: 10 });
    expect((await taskRow(taskId)).task!.maxPoints).toBe(16);

    const editor = await loadQuizEditor(testDb(), teacher, course.id, taskId);
    expect(editor!.slots.map((slot) => (slot.kind === "question" ? slot.question.type : null))).toEqual(stored.map((q) => q.type));
    expect(await loadQuizEditor(testDb(), otherTeacher, course.id, taskId)).toBeNull();
    expect(await loadQuizEditor(testDb(), student, course.id, taskId)).toBeNull();
  });

  it("that break a rule are refused next to their field and change nothing", async () => {
    const taskId = await createQuiz();
    const questionId = await addQuestion(taskId, questionInputs.single);
    const before = { questions: await questionsOf(taskId), row: await taskRow(taskId) };
    const single = questionInputs.single;
    const cases: [QuestionFields, string, string][] = [
      [{ ...single, choices: single.choices.map((c) => ({ ...c, isCorrect: true })) }, "choices", "Mark exactly one choice as correct."],
      [{ ...single, choices: [{ text: "4", isCorrect: true }] }, "choices", "Add at least two choices."],
      [{ ...single, choices: [{ text: "4", isCorrect: true }, { text: " ", isCorrect: false }] }, "choices.1.text", "Write the choice's text, or remove it."],
      [{ ...questionInputs.multiple, choices: questionInputs.multiple.choices.map((c) => ({ ...c, isCorrect: false })) }, "choices", "Mark at least one choice as correct."],
      [{ ...questionInputs.trueFalse, choices: [{ text: "True", isCorrect: false }, { text: "False", isCorrect: false }] }, "choices", "Choose whether the statement is true or false."],
      [{ ...questionInputs.short, acceptedAnswers: [] }, "acceptedAnswers", "Add at least one accepted answer."],
      [{ ...questionInputs.numeric, numericValue: null }, "numericValue", "Enter the correct value."],
      [{ ...questionInputs.numeric, numericTolerance: -1 }, "numericTolerance", "The tolerance cannot be negative."],
      [{ ...single, points: 0 }, "points", "Enter the points as a whole number greater than 0."],
      [{ ...single, text: "" }, "text", "Write the question."],
    ];
    for (const [question, field, message] of cases) {
      for (const target of [{}, { questionId }]) {
        const result = await as(teacher, saveQuestionAction, { courseId: course.id, taskId, ...target, ...question });
        expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: [message] } });
      }
    }
    expect({ questions: await questionsOf(taskId), row: await taskRow(taskId) }).toEqual(before);
  });

  it("bump the content version only for edits that can change a score, and keep choice ids", async () => {
    const taskId = await createQuiz();
    const questionId = await addQuestion(taskId, questionInputs.single);
    expect(await versionOf(taskId)).toBe(2);
    const [stored] = await questionsOf(taskId);
    const ids = stored!.choices.map((c) => c.id);
    const withIds = (choices: { text: string; isCorrect: boolean }[], order = [0, 1, 2]) =>
      order.map((index) => ({ id: ids[index], ...choices[index]! }));
    const save = (question: QuestionFields) => ok(teacher, saveQuestionAction, { courseId: course.id, taskId, questionId, ...question });
    const base = questionInputs.single;

    // Wording, explanation, choice text and choice order: same scores.
    await save({ ...base, text: "Two plus two?", explanation: "Add.", choices: withIds(base.choices.map((c) => ({ ...c, text: `${c.text}.` })), [2, 0, 1]) });
    expect(await versionOf(taskId)).toBe(2);
    expect((await questionsOf(taskId))[0]!.choices.map((c) => c.id)).toEqual([ids[2], ids[0], ids[1]]);

    const changes = [
      { ...base, points: 5, choices: withIds(base.choices) },
      { ...base, points: 5, choices: withIds([base.choices[0]!, { ...base.choices[1]!, isCorrect: false }, { ...base.choices[2]!, isCorrect: true }]) },
      { ...base, points: 5, choices: [...withIds([base.choices[0]!, { ...base.choices[1]!, isCorrect: false }, { ...base.choices[2]!, isCorrect: true }]), { text: "6", isCorrect: false }] },
      { ...questionInputs.multiple, points: 5, choices: withIds(questionInputs.multiple.choices) },
    ];
    let expected = 2;
    for (const change of changes) {
      await save(change);
      expect(await versionOf(taskId)).toBe(++expected);
    }

    const shortId = await addQuestion(taskId, questionInputs.short);
    const numericId = await addQuestion(taskId, questionInputs.numeric);
    expected += 2;
    expect(await versionOf(taskId)).toBe(expected);
    await ok(teacher, saveQuestionAction, { courseId: course.id, taskId, questionId: shortId, ...questionInputs.short, acceptedAnswers: [{ value: "PARIS" }, { value: "Paris, France" }] });
    expect(await versionOf(taskId)).toBe(expected);
    await ok(teacher, saveQuestionAction, { courseId: course.id, taskId, questionId: shortId, ...questionInputs.short, acceptedAnswers: [{ value: "Paris" }] });
    expect(await versionOf(taskId)).toBe(++expected);
    await ok(teacher, saveQuestionAction, { courseId: course.id, taskId, questionId: numericId, ...questionInputs.numeric, numericTolerance: 0.01 });
    expect(await versionOf(taskId)).toBe(++expected);
    await ok(teacher, saveQuestionAction, { courseId: course.id, taskId, questionId: numericId, ...questionInputs.numeric, numericTolerance: 0.01, numericValue: 3.1416 });
    expect(await versionOf(taskId)).toBe(++expected);
    await ok(teacher, reorderQuestionsAction, { courseId: course.id, taskId, slotIds: await slotIdsOf(taskId, [numericId, questionId, shortId]) });
    expect(await versionOf(taskId)).toBe(expected);
    await ok(teacher, deleteQuestionAction, { courseId: course.id, taskId, slotId: (await slotIdsOf(taskId, [shortId]))[0]! });
    expect(await versionOf(taskId)).toBe(++expected);
  });

  it("are reordered by a whole list, and a list that is not exactly the quiz's questions is refused", async () => {
    const taskId = await createQuiz();
    const [a, b, c] = [await addQuestion(taskId, questionInputs.single), await addQuestion(taskId, questionInputs.short), await addQuestion(taskId, questionInputs.numeric)];
    await ok(teacher, reorderQuestionsAction, { courseId: course.id, taskId, slotIds: await slotIdsOf(taskId, [c, a, b]) });
    expect((await questionsOf(taskId)).map((q) => [q.id, q.position])).toEqual([
      [c, 0],
      [a, 1],
      [b, 2],
    ]);
    const otherQuiz = await createQuiz("Other");
    const foreign = await addQuestion(otherQuiz, questionInputs.single);
    for (const questionIds of [[a, b], [a, b, c, foreign], [a, b, foreign]]) {
      expect(await as(teacher, reorderQuestionsAction, { courseId: course.id, taskId, slotIds: await slotIdsOf(taskId, questionIds) })).toEqual({ ok: false, error: staleQuestionOrderMessage, fieldErrors: {} });
    }
    expect((await questionsOf(taskId)).map((q) => q.id)).toEqual([c, a, b]);
  });

  it("are deleted with their positions closed up, except the last question of a published quiz", async () => {
    const taskId = await createQuiz();
    const a = await addQuestion(taskId, questionInputs.single);
    const b = await addQuestion(taskId, questionInputs.numeric);
    await ok(teacher, deleteQuestionAction, { courseId: course.id, taskId, slotId: (await slotIdsOf(taskId, [a]))[0]! });
    expect((await questionsOf(taskId)).map((q) => [q.id, q.position])).toEqual([[b, 0]]);
    expect((await taskRow(taskId)).task!.maxPoints).toBe(3);
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true });
    expect(await as(teacher, deleteQuestionAction, { courseId: course.id, taskId, slotId: (await slotIdsOf(taskId, [b]))[0]! })).toEqual({ ok: false, error: lastQuestionMessage, fieldErrors: {} });
    expect(await questionsOf(taskId)).toHaveLength(1);
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: false });
    await ok(teacher, deleteQuestionAction, { courseId: course.id, taskId, slotId: (await slotIdsOf(taskId, [b]))[0]! });
    expect((await taskRow(taskId)).task!.maxPoints).toBeNull();
  });

  it("of another course's quiz, or by another teacher or a student, are not found", async () => {
    const taskId = await createQuiz();
    const questionId = await addQuestion(taskId, questionInputs.single);
    const before = await questionsOf(taskId);
    const attempts = [
      () => saveQuestionAction({ courseId: course.id, taskId, ...questionInputs.numeric }),
      () => saveQuestionAction({ courseId: course.id, taskId, questionId, ...questionInputs.numeric }),
      () => deleteQuestionAction({ courseId: course.id, taskId, slotId: before[0]!.slotId }),
      () => reorderQuestionsAction({ courseId: course.id, taskId, slotIds: [before[0]!.slotId] }),
      () => updateQuizSettingsAction({ courseId: course.id, taskId, ...settings, title: "Mine" }),
      () => publishQuizAction({ courseId: course.id, taskId, publish: true }),
      () => regradeQuizAction({ courseId: course.id, taskId }),
      () => moveQuizAction({ courseId: course.id, taskId, toModuleId: course.moduleIds[1]! }),
      () => deleteQuizAction({ courseId: course.id, taskId }),
    ];
    for (const actor of [otherTeacher, student]) {
      for (const attempt of attempts) {
        expect(await as(actor, attempt, undefined)).toEqual({ ok: false, error: quizCourseNotFoundMessage, fieldErrors: {} });
      }
    }
    expect(await questionsOf(taskId)).toEqual(before);
    expect((await taskRow(taskId)).task).toMatchObject({ status: "draft", title: "Check-up", moduleId: course.moduleIds[0] });

    // The other teacher's own course does not open this quiz either.
    const theirs = await createCourse(otherTeacher.id, { modules: 1, lessonsPerModule: 0 });
    const result = await as(otherTeacher, saveQuestionAction, { courseId: theirs.id, taskId, questionId, ...questionInputs.numeric });
    expect(result.ok).toBe(false);
    expect(await questionsOf(taskId)).toEqual(before);
  });
});

describe("publishing", () => {
  it("needs a question, recomputes progress, and announces the quiz only in a published course", async () => {
    const taskId = await createQuiz();
    expect(await as(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true })).toEqual({ ok: false, error: noQuestionsToPublishMessage, fieldErrors: {} });
    await addQuestion(taskId, questionInputs.trueFalse);

    // A draft course: published quiz, no announcement.
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true });
    expect((await taskRow(taskId)).task!.status).toBe("published");
    expect(await eventsOf("task.published", taskId)).toEqual([]);
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: false });
    expect((await taskRow(taskId)).task!.status).toBe("draft");

    // A published course with a student who finished both lessons: the quiz is a new item to do.
    await testDb().update(courses).set({ status: "published" }).where(eq(courses.id, course.id));
    const learner = await createActor("student");
    await insertEnrollment(learner.id, course.id);
    const { completeLesson } = await import("@/lib/progress/complete-lesson");
    for (const lessonId of course.lessonIds) await completeLesson(testDb(), learner, lessonId);
    expect((await enrollmentOf(learner.id, course.id))[0]).toMatchObject({ status: "completed" });

    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true });
    const events = await eventsOf("task.published", taskId);
    expect(events.map((event) => event.payload)).toEqual([{ taskId, courseId: course.id, taskType: "quiz" }]);
    expect((await enrollmentOf(learner.id, course.id))[0]).toMatchObject({ status: "active" });
    expect(Number((await enrollmentOf(learner.id, course.id))[0]!.progressPercent)).toBeCloseTo(66.67, 2);

    // Publishing again changes nothing and announces nothing more; unpublishing gives the progress back.
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true });
    expect(await eventsOf("task.published", taskId)).toHaveLength(1);
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: false });
    expect((await enrollmentOf(learner.id, course.id))[0]).toMatchObject({ status: "completed" });
  });

  it("refuses a quiz with a question that breaks a rule, naming the question", async () => {
    const taskId = await createQuiz();
    await addQuestion(taskId, questionInputs.numeric);
    // Written past the builder (an import, an older version): no correct choice.
    await insertQuizQuestions(testDb(), {
      courseId: course.id,
      taskId,
      questions: [{ type: "single_choice", text: "Broken", points: 1, choices: [{ text: "A", isCorrect: false }, { text: "B", isCorrect: false }] }],
    });
    expect(await as(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true })).toEqual({
      ok: false,
      error: "Question 2 needs attention before publishing: Mark exactly one choice as correct.",
      fieldErrors: {},
    });
    expect((await taskRow(taskId)).task!.status).toBe("draft");
  });
});

describe("re-grading", () => {
  it("updates scores, task progress and writes an audit entry after a change to the right answers", async () => {
    await testDb().update(courses).set({ status: "published" }).where(eq(courses.id, course.id));
    const taskId = await createQuiz();
    const questionId = await addQuestion(taskId, questionInputs.single);
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true });
    const [question] = await questionsOf(taskId);
    const [three, four] = question!.choices;
    const learner = await createActor("student");
    await insertEnrollment(learner.id, course.id);
    const attemptId = await insertSubmittedAttempt(taskId, learner.id, { [questionId]: { choiceIds: [three!.id] } });
    await gradeClosedAttempts(testDb(), { taskId });
    expect(await loadQuizEditor(testDb(), teacher, course.id, taskId)).toMatchObject({ closedAttempts: 1, staleAttempts: 0 });

    // The teacher decides 3 is the right answer.
    await ok(teacher, saveQuestionAction, {
      courseId: course.id,
      taskId,
      questionId,
      ...questionInputs.single,
      choices: [
        { id: three!.id, text: "3", isCorrect: true },
        { id: four!.id, text: "4", isCorrect: false },
      ],
    });
    expect(await loadQuizEditor(testDb(), teacher, course.id, taskId)).toMatchObject({ closedAttempts: 1, staleAttempts: 1 });

    const result = await ok(teacher, regradeQuizAction, { courseId: course.id, taskId });
    expect(result).toMatchObject({ regraded: 1, changed: 1 });
    const [attempt] = await testDb().select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
    expect(attempt).toMatchObject({ scorePoints: 2, scorePercent: 100, gradedVersion: await versionOf(taskId) });
    const [progress] = await testDb().select().from(taskProgress).where(and(eq(taskProgress.taskId, taskId), eq(taskProgress.userId, learner.id)));
    expect(progress).toMatchObject({ status: "graded", pointsEarned: 2 });
    const audits = await testDb().select().from(auditLog).where(and(eq(auditLog.action, "quiz.regraded"), eq(auditLog.entityId, taskId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: teacher.id, before: { staleAttempts: 1, scores: { [attemptId]: 0 } }, after: { attempts: 1, scores: { [attemptId]: 2 } } });
    expect(await loadQuizEditor(testDb(), teacher, course.id, taskId)).toMatchObject({ staleAttempts: 0 });
  });
});

describe("moving and deleting a quiz", () => {
  it("moves a quiz to the end of another module", async () => {
    const taskId = await createQuiz("Mover");
    await createQuiz("Stays", 1);
    await ok(teacher, moveQuizAction, { courseId: course.id, taskId, toModuleId: course.moduleIds[1]! });
    expect((await taskRow(taskId)).task).toMatchObject({ moduleId: course.moduleIds[1], position: 1 });
  });

  it("deletes the quiz with its questions and attempts, audited, and recomputes progress", async () => {
    await testDb().update(courses).set({ status: "published" }).where(eq(courses.id, course.id));
    const taskId = await createQuiz();
    const questionId = await addQuestion(taskId, questionInputs.numeric);
    await ok(teacher, publishQuizAction, { courseId: course.id, taskId, publish: true });
    const learner = await createActor("student");
    await insertEnrollment(learner.id, course.id);
    await insertSubmittedAttempt(taskId, learner.id, { [questionId]: { text: "3.14" } });
    await gradeClosedAttempts(testDb(), { taskId });
    expect(Number((await enrollmentOf(learner.id, course.id))[0]!.progressPercent)).toBeCloseTo(33.33, 2);

    await ok(teacher, deleteQuizAction, { courseId: course.id, taskId });
    expect(await testDb().select().from(learningTasks).where(eq(learningTasks.id, taskId))).toEqual([]);
    expect(await testDb().select().from(quizzes).where(eq(quizzes.taskId, taskId))).toEqual([]);
    // The bank keeps the quiz's questions; its slots go with it.
    expect(await testDb().select().from(quizSlots).where(eq(quizSlots.taskId, taskId))).toEqual([]);
    expect(await testDb().select().from(quizAttempts).where(eq(quizAttempts.taskId, taskId))).toEqual([]);
    expect(Number((await enrollmentOf(learner.id, course.id))[0]!.progressPercent)).toBe(0);
    const [audit] = await testDb().select().from(auditLog).where(and(eq(auditLog.action, "quiz.deleted"), eq(auditLog.entityId, taskId)));
    expect(audit).toMatchObject({ actorId: teacher.id, before: { title: "Check-up", submittedAttempts: 1 } });
  });
});

describe("editor reads", () => {
  it("load a quiz and the course's quizzes in a fixed number of statements", async () => {
    const taskId = await createQuiz();
    for (const question of Object.values(questionInputs)) await addQuestion(taskId, question);
    for (let i = 0; i < 4; i++) await createQuiz(`More ${i}`);
    const { count: listCount } = await countQueries(() => loadCourseQuizzes(testDb(), teacher, course.id));
    expect(listCount).toBe(1);
    // The quiz, its slots, their questions and choices, the bank's categories (a random slot adds its pools: one more).
    const { count: editorCount } = await countQueries(() => loadQuizEditor(testDb(), teacher, course.id, taskId));
    expect(editorCount).toBe(5);
  });
});
