import { describe, expect, it } from "vitest";
import { contentToPortable } from "@/lib/question-bank/export/content-to-portable";
import { portableToContent } from "@/lib/question-bank/import/portable-to-content";
import { gradeQuestion } from "@/lib/grading";
import type { GradableQuestion } from "@/lib/grading";
import { weightedAnswersOf } from "@/lib/quizzes/gradable-questions";
import { answerFieldValues, draftOfStored } from "@/lib/quizzes/authoring/question-data-fields";
import { storedQuestionData } from "@/lib/quizzes/authoring/question-data-form";
import { questionSchema } from "@/lib/quizzes/authoring/schemas";
import { questionScoreChanged, type ScoredQuestion } from "@/lib/quizzes/authoring/score-changes";
import type { StoredQuestion } from "@/lib/quizzes/authoring/stored-questions";
import { numericExtrasSchema, readAnswerExtras, shortAnswerExtrasSchema } from "@/lib/quizzes/question-data";

const errorsOf = (input: Record<string, unknown>) => {
  const result = questionSchema.safeParse(input);
  expect(result.success).toBe(false);
  const errors: Record<string, string> = {};
  for (const issue of result.error!.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
};

const short = { type: "short_answer" as const, text: "Capital?", points: 2 };
const numeric = { type: "numeric" as const, text: "Pi?", points: 2, numericValue: 3.14, numericTolerance: 0.01 };
const marksMessage = "Enter the marks as a whole share from 1 to 100 (%).";

describe("the extras' stored schemas", () => {
  it("take partly right answers from 1 to 99% and other values from 1 to 100%, at most 20", () => {
    expect(shortAnswerExtrasSchema.safeParse({ kind: "short_answer", partial: [{ text: "york", weight: 50 }] }).success).toBe(true);
    expect(shortAnswerExtrasSchema.safeParse({ kind: "short_answer", partial: [{ text: "york", weight: 100 }] }).success).toBe(false);
    expect(shortAnswerExtrasSchema.safeParse({ kind: "short_answer", partial: [{ text: "york", weight: 0 }] }).success).toBe(false);
    expect(shortAnswerExtrasSchema.safeParse({ kind: "short_answer", partial: [{ text: "x".repeat(201), weight: 50 }] }).success).toBe(false);
    expect(shortAnswerExtrasSchema.safeParse({ kind: "short_answer", partial: Array.from({ length: 21 }, (_, i) => ({ text: `a${i}`, weight: 5 })) }).success).toBe(false);
    expect(numericExtrasSchema.safeParse({ kind: "numeric", others: [{ value: 3, tolerance: 0, weight: 100 }] }).success).toBe(true);
    expect(numericExtrasSchema.safeParse({ kind: "numeric", others: [{ value: 3, tolerance: -1, weight: 50 }] }).success).toBe(false);
    expect(numericExtrasSchema.safeParse({ kind: "numeric", others: [{ value: 3, tolerance: 0, weight: 101 }] }).success).toBe(false);
  });

  it("are read only for their own type, and a malformed value reads as none", () => {
    const partial = { kind: "short_answer", partial: [{ text: "york", weight: 50 }] };
    expect(readAnswerExtras("short_answer", partial)).toEqual(partial);
    expect(readAnswerExtras("numeric", partial)).toBeNull();
    expect(readAnswerExtras("single_choice", partial)).toBeNull();
    expect(readAnswerExtras("short_answer", null)).toBeNull();
    expect(readAnswerExtras("short_answer", { kind: "short_answer", partial: "york" })).toBeNull();
  });
});

describe("the question form's marks", () => {
  it("keep the full-marks answers in the column and the others as extras; no weight is full marks", () => {
    const parsed = questionSchema.parse({
      ...short,
      acceptedAnswers: [{ value: "York" }, { value: "york minster", weight: 50 }, { value: "Eboracum", weight: 100 }, { value: "yorkshire", weight: "" }],
    });
    expect(parsed.acceptedAnswers).toEqual(["York", "Eboracum", "yorkshire"]);
    expect(parsed.data).toEqual({ kind: "short_answer", partial: [{ text: "york minster", weight: 50 }] });
    expect(questionSchema.parse({ ...short, acceptedAnswers: [{ value: "York" }] }).data).toBeUndefined();
  });

  it("refuse marks outside 1..100 or not whole, and a short answer without a full-marks answer", () => {
    expect(errorsOf({ ...short, acceptedAnswers: [{ value: "York" }, { value: "y", weight: 0 }] })).toEqual({ "acceptedAnswers.1.weight": marksMessage });
    expect(errorsOf({ ...short, acceptedAnswers: [{ value: "York" }, { value: "y", weight: 101 }] })).toEqual({ "acceptedAnswers.1.weight": marksMessage });
    expect(errorsOf({ ...short, acceptedAnswers: [{ value: "York" }, { value: "y", weight: 12.5 }] })).toEqual({ "acceptedAnswers.1.weight": marksMessage });
    expect(errorsOf({ ...short, acceptedAnswers: [{ value: "york", weight: 50 }] })).toEqual({ acceptedAnswers: "Give at least one accepted answer full marks (100%)." });
  });

  it("keep a numeric question's other values with their tolerance and marks, and refuse an empty value or bad marks", () => {
    const parsed = questionSchema.parse({ ...numeric, numericOthers: [{ value: 3, tolerance: "", weight: 50 }, { value: 3.1, tolerance: 0.05 }] });
    expect(parsed).toMatchObject({ numericValue: 3.14, numericTolerance: 0.01 });
    expect(parsed.data).toEqual({ kind: "numeric", others: [{ value: 3, tolerance: 0, weight: 50 }, { value: 3.1, tolerance: 0.05, weight: 100 }] });
    expect(questionSchema.parse(numeric).data).toBeUndefined();
    expect(errorsOf({ ...numeric, numericOthers: [{ value: "", weight: 50 }] })).toEqual({ "numericOthers.0.value": "Enter the value, or remove it." });
    expect(errorsOf({ ...numeric, numericOthers: [{ value: 3, weight: 0 }] })).toEqual({ "numericOthers.0.weight": marksMessage });
    expect(errorsOf({ ...numeric, numericOthers: [{ value: 3, tolerance: -1, weight: 5 }] })).toEqual({ "numericOthers.0.tolerance": "The tolerance cannot be negative." });
  });

  it("never block saving with marks left in the rows of another kind (the form keeps them when the kind changes)", () => {
    expect(questionSchema.safeParse({ ...numeric, acceptedAnswers: [{ value: "York", weight: 0 }] }).success).toBe(true);
    expect(questionSchema.safeParse({ ...short, acceptedAnswers: [{ value: "York" }], numericOthers: [{ value: 3, weight: 500 }] }).success).toBe(true);
  });

  it("drop the extras of the other kind when the kind changes", () => {
    const asShort = questionSchema.parse({ ...short, acceptedAnswers: [{ value: "York" }], numericOthers: [{ value: 3, weight: 50 }] });
    expect(asShort.data).toBeUndefined();
    const asNumeric = questionSchema.parse({ ...numeric, acceptedAnswers: [{ value: "York" }, { value: "y", weight: 50 }] });
    expect(asNumeric).toMatchObject({ acceptedAnswers: [] });
    expect(asNumeric.data).toBeUndefined();
  });

  it("come back into the form's rows from stored data, so saving again keeps them", () => {
    const stored = { kind: "short_answer", partial: [{ text: "york minster", weight: 50 }] };
    const fields = answerFieldValues(["York"], draftOfStored("short_answer", stored));
    expect(fields).toEqual({ acceptedAnswers: [{ value: "York", weight: 100 }, { value: "york minster", weight: 50 }], numericOthers: [] });
    expect(questionSchema.parse({ ...short, ...fields }).data).toEqual(stored);
    const others = { kind: "numeric", others: [{ value: 3, tolerance: 0, weight: 50 }] };
    expect(answerFieldValues([], draftOfStored("numeric", others)).numericOthers).toEqual(others.others);
  });
});

describe("storing the extras", () => {
  it("keeps them for short answer and numeric questions, stores nothing without any, and refuses a malformed draft", () => {
    const partial = { kind: "short_answer", partial: [{ text: "york", weight: 50 }] };
    expect(storedQuestionData("short_answer", partial, null)).toEqual(partial);
    expect(storedQuestionData("short_answer", { kind: "short_answer", partial: [] }, null)).toBeNull();
    expect(storedQuestionData("short_answer", undefined, null)).toBeNull();
    expect(storedQuestionData("numeric", { kind: "numeric", others: [{ value: 3, tolerance: 0, weight: 50 }] }, partial)).toEqual({ kind: "numeric", others: [{ value: 3, tolerance: 0, weight: 50 }] });
    expect(() => storedQuestionData("short_answer", { kind: "short_answer", partial: [{ text: "york", weight: 100 }] }, null)).toThrow();
    expect(() => storedQuestionData("numeric", partial, null)).toThrow();
    expect(storedQuestionData("single_choice", partial, null)).toBeNull();
  });

  it("counts a change of the extras as a score change, but not their order or case", () => {
    const base = (data: unknown): ScoredQuestion => ({ type: "short_answer", points: 2, choices: [], acceptedAnswers: ["York"], numericValue: null, numericTolerance: 0, data });
    const two = { kind: "short_answer", partial: [{ text: "york minster", weight: 50 }, { text: "jorvik", weight: 25 }] };
    expect(questionScoreChanged(base(null), base(two))).toBe(true);
    expect(questionScoreChanged(base(two), base({ ...two, partial: [{ text: "Jorvik", weight: 25 }, { text: "York Minster", weight: 50 }] }))).toBe(false);
    expect(questionScoreChanged(base(two), base({ ...two, partial: [{ text: "york minster", weight: 60 }, { text: "jorvik", weight: 25 }] }))).toBe(true);
    const number = (data: unknown): ScoredQuestion => ({ type: "numeric", points: 2, choices: [], acceptedAnswers: [], numericValue: 3.14, numericTolerance: 0.01, data });
    expect(questionScoreChanged(number(null), number({ kind: "numeric", others: [] }))).toBe(false);
    expect(questionScoreChanged(number(null), number({ kind: "numeric", others: [{ value: 3, tolerance: 0, weight: 50 }] }))).toBe(true);
  });
});

describe("grading with the extras", () => {
  const gradable = (row: Omit<GradableQuestion, "choices" | "id">, data: unknown): GradableQuestion => ({ id: "q", choices: [], ...row, ...weightedAnswersOf(row, data) });
  const typed = (text: string) => ({ text });
  const options = { partialCredit: false };

  it("gives a partly right short answer its share, a full-marks one all, anything else nothing", () => {
    const question = gradable(
      { type: "short_answer", points: 4, acceptedAnswers: ["York"], numericValue: null, numericTolerance: 0 },
      { kind: "short_answer", partial: [{ text: "york minster", weight: 50 }] },
    );
    expect(question.answers).toEqual([{ text: "York", weight: 100 }, { text: "york minster", weight: 50 }]);
    expect(gradeQuestion(question, typed("  York Minster "), options)).toMatchObject({ isCorrect: false, pointsAwarded: 2 });
    expect(gradeQuestion(question, typed("york"), options)).toMatchObject({ isCorrect: true, pointsAwarded: 4 });
    expect(gradeQuestion(question, typed("Leeds"), options)).toMatchObject({ isCorrect: false, pointsAwarded: 0 });
  });

  it("gives a numeric answer the best share of the values it falls within", () => {
    const question = gradable(
      { type: "numeric", points: 2, acceptedAnswers: [], numericValue: 3.14, numericTolerance: 0.01 },
      { kind: "numeric", others: [{ value: 3, tolerance: 0, weight: 50 }, { value: 3.1, tolerance: 0.1, weight: 75 }] },
    );
    expect(gradeQuestion(question, typed("3.141"), options)).toMatchObject({ isCorrect: true, pointsAwarded: 2 });
    expect(gradeQuestion(question, typed("3"), options)).toMatchObject({ isCorrect: false, pointsAwarded: 1.5 });
    expect(gradeQuestion(question, typed("3.05"), options)).toMatchObject({ pointsAwarded: 1.5 });
    expect(gradeQuestion(question, typed("4"), options)).toMatchObject({ pointsAwarded: 0 });
  });

  it("leaves questions without extras grading from their columns alone", () => {
    expect(weightedAnswersOf({ type: "short_answer", acceptedAnswers: ["York"], numericValue: null, numericTolerance: 0 }, null)).toEqual({});
    expect(weightedAnswersOf({ type: "numeric", acceptedAnswers: [], numericValue: 1, numericTolerance: 0 }, { kind: "numeric", others: [] })).toEqual({});
    expect(weightedAnswersOf({ type: "cloze", acceptedAnswers: [], numericValue: null, numericTolerance: 0 }, { kind: "short_answer", partial: [{ text: "a", weight: 5 }] })).toEqual({});
  });
});

describe("importing and exporting the extras", () => {
  const base = { name: "Q", text: "Capital?", points: 1, explanation: "", category: [], tags: [] };

  it("keeps partly right short answers, clamped and without repeats, with a note only for what is dropped", () => {
    const converted = portableToContent({
      ...base,
      type: "short_answer",
      answers: [
        { text: "York", weight: 100, feedback: "" },
        { text: "york minster", weight: 50, feedback: "" },
        { text: "York Minster", weight: 33.3, feedback: "" },
        { text: "york", weight: 20, feedback: "" },
        { text: "jorvik", weight: 0.2, feedback: "" },
        { text: "leeds", weight: -50, feedback: "" },
      ],
    });
    expect(converted).toMatchObject({ ok: true, content: { acceptedAnswers: ["York"], data: { kind: "short_answer", partial: [{ text: "york minster", weight: 50 }, { text: "jorvik", weight: 1 }] } } });
    if (!converted.ok) return;
    expect(converted.notes).toEqual(["Answers with a penalty (a negative weight) are not kept: a wrong answer here scores zero."]);
  });

  it("keeps other numeric values with their tolerance and share; a short answer or numeric without extras stores no data", () => {
    const converted = portableToContent({
      ...base,
      type: "numeric",
      answers: [
        { value: 3, tolerance: 0, weight: 50, feedback: "" },
        { value: 3.14, tolerance: 0.01, weight: 100, feedback: "" },
        { value: 3, tolerance: 0, weight: 25, feedback: "" },
        { value: 22 / 7, tolerance: -0.01, weight: 100, feedback: "" },
      ],
    });
    expect(converted).toMatchObject({
      ok: true,
      notes: [],
      content: { numericValue: 3.14, numericTolerance: 0.01, data: { kind: "numeric", others: [{ value: 22 / 7, tolerance: 0.01, weight: 100 }, { value: 3, tolerance: 0, weight: 50 }] } },
    });
    expect(portableToContent({ ...base, type: "short_answer", answers: [{ text: "York", weight: 100, feedback: "" }] })).toMatchObject({ ok: true, notes: [], content: { data: null } });
  });

  it("exports them beside the full-marks answers, with their weights", () => {
    const stored = (type: "short_answer" | "numeric", data: Record<string, unknown>): StoredQuestion => ({
      id: "q",
      entryId: "e",
      courseId: "c",
      version: 1,
      isCurrent: true,
      type,
      name: "Q",
      text: "?",
      points: 1,
      explanation: "",
      acceptedAnswers: type === "short_answer" ? ["York"] : [],
      numericValue: type === "numeric" ? 3.14 : null,
      numericTolerance: type === "numeric" ? 0.01 : 0,
      data,
      choices: [],
    });
    expect(contentToPortable(stored("short_answer", { kind: "short_answer", partial: [{ text: "york minster", weight: 50 }] }), { category: [], tags: [] })).toMatchObject({
      answers: [
        { text: "York", weight: 100, feedback: "" },
        { text: "york minster", weight: 50, feedback: "" },
      ],
    });
    expect(contentToPortable(stored("numeric", { kind: "numeric", others: [{ value: 3, tolerance: 0, weight: 50 }] }), { category: [], tags: [] })).toMatchObject({
      answers: [
        { value: 3.14, tolerance: 0.01, weight: 100, feedback: "" },
        { value: 3, tolerance: 0, weight: 50, feedback: "" },
      ],
    });
  });
});
