import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createQuizSchema,
  questionSchema,
  quizSettingsSchema,
  reorderQuestionsSchema,
  saveQuestionSchema,
  updateQuizSettingsSchema,
} from "@/lib/quizzes/authoring/schemas";
import { questionScoreChanged, type ScoredQuestion } from "@/lib/quizzes/authoring/score-changes";

/** The field paths a failed parse complains about, with their first message. */
function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  const errors: Record<string, string> = {};
  for (const issue of result.error!.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

const choice = (text: string, isCorrect = false) => ({ text, isCorrect });
const single = { type: "single_choice" as const, text: "Pick one", points: 1, choices: [choice("A", true), choice("B")] };

describe("questionSchema", () => {
  it("accepts a valid question of each type and keeps only what its type uses", () => {
    expect(questionSchema.parse({ ...single, acceptedAnswers: [{ value: "x" }], numericValue: 4 })).toEqual({
      type: "single_choice",
      text: "Pick one",
      points: 1,
      explanation: "",
      choices: [
        { id: null, text: "A", isCorrect: true },
        { id: null, text: "B", isCorrect: false },
      ],
      acceptedAnswers: [],
      numericValue: null,
      numericTolerance: 0,
    });
    expect(questionSchema.parse({ type: "multiple_choice", text: "Q", points: 2, choices: [choice("A", true), choice("B", true), choice("C")] }).choices).toHaveLength(3);
    expect(questionSchema.parse({ type: "true_false", text: "Q", points: 1, choices: [choice("yes", false), choice("no", true)] }).choices).toEqual([
      { id: null, text: "True", isCorrect: false },
      { id: null, text: "False", isCorrect: true },
    ]);
    const short = questionSchema.parse({ type: "short_answer", text: "Q", points: 1, acceptedAnswers: [{ value: "  Paris " }, { value: "paris" }], choices: [choice("A", true)] });
    expect(short).toMatchObject({ acceptedAnswers: ["Paris", "paris"], choices: [] });
    expect(questionSchema.parse({ type: "numeric", text: "Q", points: 1, numericValue: -2.5, numericTolerance: 0.1 })).toMatchObject({ numericValue: -2.5, numericTolerance: 0.1 });
  });

  it("trims text and explanation, and reads an empty tolerance as 0", () => {
    const parsed = questionSchema.parse({ type: "numeric", text: "  How much?  ", explanation: "  Because. ", points: 1, numericValue: 0, numericTolerance: "" });
    expect(parsed).toMatchObject({ text: "How much?", explanation: "Because.", numericValue: 0, numericTolerance: 0 });
  });

  it.each([
    ["no text", { ...single, text: "  " }, "text", "Write the question."],
    ["zero points", { ...single, points: 0 }, "points", "Enter the points as a whole number greater than 0."],
    ["negative points", { ...single, points: -3 }, "points", "Enter the points as a whole number greater than 0."],
    ["fractional points", { ...single, points: 1.5 }, "points", "Enter the points as a whole number greater than 0."],
    ["empty points", { ...single, points: Number.NaN }, "points", "Enter the points as a whole number greater than 0."],
    ["too many points", { ...single, points: 1001 }, "points", "A question is worth at most 1000 points."],
    ["one choice", { ...single, choices: [choice("A", true)] }, "choices", "Add at least two choices."],
    ["no choices", { ...single, choices: [] }, "choices", "Add at least two choices."],
    ["a blank choice", { ...single, choices: [choice("A", true), choice("  ")] }, "choices.1.text", "Write the choice's text, or remove it."],
    ["no correct single", { ...single, choices: [choice("A"), choice("B")] }, "choices", "Mark exactly one choice as correct."],
    ["two correct single", { ...single, choices: [choice("A", true), choice("B", true)] }, "choices", "Mark exactly one choice as correct."],
    ["no correct multiple", { ...single, type: "multiple_choice", choices: [choice("A"), choice("B")] }, "choices", "Mark at least one choice as correct."],
    ["true/false unanswered", { ...single, type: "true_false", choices: [choice("True"), choice("False")] }, "choices", "Choose whether the statement is true or false."],
    ["true/false both", { ...single, type: "true_false", choices: [choice("True", true), choice("False", true)] }, "choices", "Choose whether the statement is true or false."],
    ["true/false three choices", { ...single, type: "true_false", choices: [choice("True", true), choice("False"), choice("Maybe")] }, "choices", "A true/false question has exactly the choices True and False."],
    ["too many choices", { ...single, choices: Array.from({ length: 21 }, (_, i) => choice(`C${i}`, i === 0)) }, "choices", "A question has at most 20 choices."],
    ["a long choice", { ...single, choices: [choice("A", true), choice("x".repeat(501))] }, "choices.1.text", "A choice has at most 500 characters."],
    ["no accepted answer", { type: "short_answer", text: "Q", points: 1, acceptedAnswers: [] }, "acceptedAnswers", "Add at least one accepted answer."],
    ["a blank accepted answer", { type: "short_answer", text: "Q", points: 1, acceptedAnswers: [{ value: "a" }, { value: " " }] }, "acceptedAnswers.1.value", "Write the accepted answer, or remove it."],
    ["no numeric value", { type: "numeric", text: "Q", points: 1, numericValue: "" }, "numericValue", "Enter the correct value."],
    ["a negative tolerance", { type: "numeric", text: "Q", points: 1, numericValue: 1, numericTolerance: -0.1 }, "numericTolerance", "The tolerance cannot be negative."],
    ["an unknown type", { ...single, type: "hotspot" }, "type", "Choose the kind of question."],
  ])("refuses %s", (_, input, field, message) => {
    expect(errorsOf(questionSchema.safeParse(input))[field]).toBe(message);
  });

  it("ignores the rules of the types not chosen", () => {
    // A numeric question with leftover blank choices and accepted answers is fine.
    expect(questionSchema.safeParse({ type: "numeric", text: "Q", points: 1, numericValue: 1, choices: [choice("")], acceptedAnswers: [{ value: "" }] }).success).toBe(true);
    expect(questionSchema.safeParse({ type: "short_answer", text: "Q", points: 1, acceptedAnswers: [{ value: "x" }], numericValue: null }).success).toBe(true);
  });

  it("keeps stored choice ids and refuses a malformed one", () => {
    const id = randomUUID();
    expect(questionSchema.parse({ ...single, choices: [{ id, text: "A", isCorrect: true }, { id: "", ...choice("B") }] }).choices.map((c) => c.id)).toEqual([id, null]);
    expect(errorsOf(questionSchema.safeParse({ ...single, choices: [{ id: "nope", ...choice("A", true) }, choice("B")] }))["choices.0.id"]).toBeDefined();
  });
});

describe("saveQuestionSchema", () => {
  it("separates the target from the question, a new question having no id", () => {
    const ids = { courseId: randomUUID(), taskId: randomUUID() };
    expect(saveQuestionSchema.parse({ ...ids, questionId: "", ...single })).toMatchObject({ ...ids, questionId: null, question: { type: "single_choice" } });
    expect(errorsOf(saveQuestionSchema.safeParse({ ...ids, ...single, points: 0 })).points).toBeDefined();
    expect(errorsOf(saveQuestionSchema.safeParse({ ...single, courseId: "x", taskId: ids.taskId })).courseId).toBe("Choose a course.");
  });
});

const settings = {
  title: "Quiz",
  timeLimitMinutes: null,
  unlimitedAttempts: false,
  attemptsAllowed: 1,
  gradingMethod: "highest",
  reviewPolicy: "after_submit",
  dueAt: null,
};

describe("quizSettingsSchema", () => {
  it("accepts settings and fills the defaults", () => {
    expect(quizSettingsSchema.parse(settings)).toEqual({
      ...settings,
      description: "",
      shuffleQuestions: false,
      shuffleChoices: false,
      partialCredit: false,
    });
  });

  it("stores unlimited attempts as null, whatever number was typed", () => {
    expect(quizSettingsSchema.parse({ ...settings, unlimitedAttempts: true, attemptsAllowed: 4 }).attemptsAllowed).toBeNull();
    expect(quizSettingsSchema.parse({ ...settings, unlimitedAttempts: true, attemptsAllowed: Number.NaN }).attemptsAllowed).toBeNull();
  });

  it("reads an empty time limit as none, and a future due date from a string or a date", () => {
    const due = new Date(Date.now() + 3_600_000);
    expect(quizSettingsSchema.parse({ ...settings, timeLimitMinutes: "", dueAt: due.toISOString() })).toMatchObject({ timeLimitMinutes: null, dueAt: due });
    expect(quizSettingsSchema.parse({ ...settings, timeLimitMinutes: 1440, dueAt: due, reviewPolicy: "after_due" })).toMatchObject({ timeLimitMinutes: 1440, dueAt: due });
    expect(quizSettingsSchema.parse({ ...settings, dueAt: "" }).dueAt).toBeNull();
  });

  it.each([
    ["no title", { title: "" }, "title", "Enter a title."],
    ["a long title", { title: "x".repeat(201) }, "title", "A title has at most 200 characters."],
    ["a zero time limit", { timeLimitMinutes: 0 }, "timeLimitMinutes", "Enter a time limit from 1 to 1440 minutes, or leave it empty."],
    ["a time limit over a day", { timeLimitMinutes: 1441 }, "timeLimitMinutes", "Enter a time limit from 1 to 1440 minutes, or leave it empty."],
    ["a fractional time limit", { timeLimitMinutes: 2.5 }, "timeLimitMinutes", "Enter a time limit from 1 to 1440 minutes, or leave it empty."],
    ["no attempts", { attemptsAllowed: null }, "attemptsAllowed", "Enter a number of attempts, or choose unlimited attempts."],
    ["zero attempts", { attemptsAllowed: 0 }, "attemptsAllowed", "Enter a number of attempts from 1 to 100."],
    ["101 attempts", { attemptsAllowed: 101 }, "attemptsAllowed", "Enter a number of attempts from 1 to 100."],
    ["an unknown grading method", { gradingMethod: "lowest" }, "gradingMethod", "Choose how attempts are combined."],
    ["an unknown review policy", { reviewPolicy: "always" }, "reviewPolicy", "Choose when students may review their answers."],
    ["review after the due date without one", { reviewPolicy: "after_due" }, "reviewPolicy", "Set a due date to show answers after it."],
    ["a past due date", { dueAt: new Date(Date.now() - 1000) }, "dueAt", "The due date must be in the future."],
    ["a malformed due date", { dueAt: "someday" }, "dueAt", "Enter a valid date and time."],
  ])("refuses %s", (_, change, field, message) => {
    expect(errorsOf(quizSettingsSchema.safeParse({ ...settings, ...change }))[field]).toBe(message);
  });

  it("checks the same rules in the action's schema", () => {
    const ids = { courseId: randomUUID(), taskId: randomUUID() };
    expect(updateQuizSettingsSchema.parse({ ...ids, ...settings, unlimitedAttempts: true })).toMatchObject({ ...ids, attemptsAllowed: null });
    expect(errorsOf(updateQuizSettingsSchema.safeParse({ ...ids, ...settings, reviewPolicy: "after_due" })).reviewPolicy).toBeDefined();
  });
});

describe("other builder schemas", () => {
  it("create a quiz with a trimmed title in a module", () => {
    const ids = { courseId: randomUUID(), moduleId: randomUUID() };
    expect(createQuizSchema.parse({ ...ids, title: "  Check  " })).toEqual({ ...ids, title: "Check" });
    expect(errorsOf(createQuizSchema.safeParse({ ...ids, title: "" })).title).toBe("Enter a title.");
  });

  it("refuse an order naming a question twice", () => {
    const id = randomUUID();
    expect(errorsOf(reorderQuestionsSchema.safeParse({ courseId: randomUUID(), taskId: randomUUID(), slotIds: [id, id] })).slotIds).toBe(
      "A question appears twice in the new order.",
    );
  });
});

describe("questionScoreChanged", () => {
  const base: ScoredQuestion = {
    type: "single_choice",
    points: 2,
    choices: [
      { id: "a", isCorrect: true },
      { id: "b", isCorrect: false },
    ],
    acceptedAnswers: [],
    numericValue: null,
    numericTolerance: 0,
  };

  it("is false for the same scoring, choices reordered included", () => {
    expect(questionScoreChanged(base, { ...base, choices: [...base.choices].reverse() })).toBe(false);
    const short = { ...base, type: "short_answer" as const, choices: [], acceptedAnswers: ["Paris", "Lutetia"] };
    expect(questionScoreChanged(short, { ...short, acceptedAnswers: ["lutetia", "PARIS"] })).toBe(false);
  });

  it.each([
    ["the type", { type: "multiple_choice" as const }],
    ["the points", { points: 3 }],
    ["a correct flag", { choices: [{ id: "a", isCorrect: false }, { id: "b", isCorrect: true }] }],
    ["a choice added", { choices: [...base.choices, { id: null, isCorrect: false }] }],
    ["a choice removed", { choices: [base.choices[0]!] }],
    ["a choice replaced", { choices: [base.choices[0]!, { id: "c", isCorrect: false }] }],
    ["the accepted answers", { acceptedAnswers: ["x"] }],
    ["the numeric value", { numericValue: 1 }],
    ["the tolerance", { numericTolerance: 0.5 }],
  ])("is true for a change of %s", (_, change) => {
    expect(questionScoreChanged(base, { ...base, ...change })).toBe(true);
  });
});
