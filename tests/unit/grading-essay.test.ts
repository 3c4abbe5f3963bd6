import { describe, expect, it } from "vitest";
import { gradeAttempt, gradeEssay, gradeQuestion, type AnyResponse, type GradableQuestion, type GradingOptions } from "@/lib/grading";

function question(overrides: Partial<GradableQuestion> = {}): GradableQuestion {
  return { id: "essay", type: "essay", points: 10, choices: [], acceptedAnswers: [], numericValue: null, numericTolerance: 0, ...overrides };
}

const typed = (text: string): AnyResponse => ({ text });
const scored = (points: number, id = "essay"): GradingOptions => ({ partialCredit: false, manualPoints: new Map([[id, points]]) });
const noScore: GradingOptions = { partialCredit: false };

describe("essay", () => {
  it("an answered essay without a teacher's score is pending and earns nothing yet", () => {
    expect(gradeQuestion(question(), typed("My essay."), noScore)).toEqual({
      questionId: "essay",
      answered: true,
      isCorrect: false,
      pointsAwarded: 0,
      pending: true,
    });
    expect(gradeQuestion(question(), typed("My essay."), { partialCredit: false, manualPoints: new Map() }).pending).toBe(true);
  });

  it("is never graded from its text, whatever the accepted answers", () => {
    const withAnswers = question({ acceptedAnswers: ["My essay."], answers: [{ text: "My essay.", weight: 100 }] });
    expect(gradeQuestion(withAnswers, typed("My essay."), noScore)).toMatchObject({ pending: true, pointsAwarded: 0 });
  });

  it("an unanswered essay is not pending: there is nothing to read, and it earns nothing", () => {
    for (const response of [null, typed(""), typed("   \n"), { choiceIds: ["a"] }]) {
      expect(gradeQuestion(question(), response, noScore)).toEqual({ questionId: "essay", answered: false, isCorrect: false, pointsAwarded: 0 });
    }
  });

  it("a teacher's score counts, and the essay is no longer pending", () => {
    const grade = gradeQuestion(question(), typed("My essay."), scored(7.5));
    expect(grade).toEqual({ questionId: "essay", answered: true, isCorrect: false, pointsAwarded: 7.5 });
    expect("pending" in grade).toBe(false);
  });

  it("full marks is correct; zero is a score too", () => {
    expect(gradeQuestion(question(), typed("x"), scored(10))).toMatchObject({ isCorrect: true, pointsAwarded: 10 });
    expect(gradeQuestion(question(), typed("x"), scored(0))).toEqual({ questionId: "essay", answered: true, isCorrect: false, pointsAwarded: 0 });
  });

  it("the score is held to 0..points and rounded to two decimals", () => {
    expect(gradeQuestion(question(), typed("x"), scored(12))).toMatchObject({ isCorrect: true, pointsAwarded: 10 });
    expect(gradeQuestion(question(), typed("x"), scored(-3)).pointsAwarded).toBe(0);
    expect(gradeQuestion(question(), typed("x"), scored(1.005)).pointsAwarded).toBe(1.01);
    expect(gradeQuestion(question(), typed("x"), scored(9.999)).pointsAwarded).toBe(10);
    expect(gradeQuestion(question(), typed("x"), scored(9.999)).isCorrect).toBe(true);
  });

  it("a score that is not a finite number is no score", () => {
    for (const points of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(gradeQuestion(question(), typed("x"), scored(points))).toMatchObject({ pending: true, pointsAwarded: 0 });
    }
  });

  it("a teacher may score an unanswered essay", () => {
    expect(gradeQuestion(question(), null, scored(2))).toEqual({ questionId: "essay", answered: false, isCorrect: false, pointsAwarded: 2 });
  });

  it("another question's score does not apply", () => {
    expect(gradeQuestion(question(), typed("x"), scored(5, "other"))).toMatchObject({ pending: true, pointsAwarded: 0 });
  });

  it("manual scores are ignored by automatically graded types, which are never pending", () => {
    const choice: GradableQuestion = { ...question({ id: "c", type: "single_choice", points: 1 }), choices: [{ id: "a", isCorrect: false }] };
    const grade = gradeQuestion(choice, { choiceIds: ["a"] }, scored(1, "c"));
    expect(grade).toEqual({ questionId: "c", answered: true, isCorrect: false, pointsAwarded: 0 });
    expect("pending" in grade).toBe(false);
  });

  it("gradeEssay grades from the answered flag and the score alone", () => {
    expect(gradeEssay(question(), true, undefined)).toMatchObject({ pending: true });
    expect(gradeEssay(question(), false, undefined)).not.toHaveProperty("pending");
    expect(gradeEssay(question({ points: 0 }), true, 3)).toMatchObject({ isCorrect: true, pointsAwarded: 0 });
  });
});

describe("gradeAttempt with essays", () => {
  const questions: GradableQuestion[] = [
    { ...question({ id: "single", type: "single_choice", points: 2 }), choices: [{ id: "s1", isCorrect: true }, { id: "s2", isCorrect: false }] },
    question({ id: "e1", points: 5 }),
    question({ id: "e2", points: 3 }),
  ];
  const responses = new Map<string, AnyResponse>([
    ["single", { choiceIds: ["s1"] }],
    ["e1", typed("first essay")],
    ["e2", typed("second essay")],
  ]);

  it("is pending while any answered essay has no score; the score counts only what is graded, against all the points", () => {
    const grade = gradeAttempt(questions, responses, { partialCredit: false });
    expect(grade).toMatchObject({ pending: true, scorePoints: 2, maxPoints: 10, scorePercent: 20 });
    expect(grade.questions.map((q) => q.pending === true)).toEqual([false, true, true]);
    const half = gradeAttempt(questions, responses, { partialCredit: false, manualPoints: new Map([["e1", 4]]) });
    expect(half).toMatchObject({ pending: true, scorePoints: 6, maxPoints: 10, scorePercent: 60 });
  });

  it("is no longer pending once every answered essay is scored", () => {
    const manualPoints = new Map([["e1", 4], ["e2", 2.5]]);
    const grade = gradeAttempt(questions, responses, { partialCredit: false, manualPoints });
    expect(grade).toEqual({
      questions: [
        { questionId: "single", answered: true, isCorrect: true, pointsAwarded: 2 },
        { questionId: "e1", answered: true, isCorrect: false, pointsAwarded: 4 },
        { questionId: "e2", answered: true, isCorrect: false, pointsAwarded: 2.5 },
      ],
      scorePoints: 8.5,
      maxPoints: 10,
      scorePercent: 85,
    });
  });

  it("an essay left blank does not hold the attempt pending", () => {
    const grade = gradeAttempt(questions, new Map([["single", { choiceIds: ["s1"] }]]), { partialCredit: false });
    expect(grade).toEqual(expect.objectContaining({ scorePoints: 2, maxPoints: 10 }));
    expect(grade).not.toHaveProperty("pending");
  });

  it("an attempt without essays is never pending", () => {
    expect(gradeAttempt(questions.slice(0, 1), responses, { partialCredit: false })).not.toHaveProperty("pending");
  });
});
