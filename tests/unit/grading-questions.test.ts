import { describe, expect, it } from "vitest";
import { gradeQuestion, type GradableQuestion, type StoredResponse } from "@/lib/grading";

const allOrNothing = { partialCredit: false };
const partial = { partialCredit: true };

function question(overrides: Partial<GradableQuestion> & Pick<GradableQuestion, "type">): GradableQuestion {
  return { id: "q", points: 1, choices: [], acceptedAnswers: [], numericValue: null, numericTolerance: 0, ...overrides };
}

const picks = (...choiceIds: string[]): StoredResponse => ({ choiceIds });
const typed = (text: string): StoredResponse => ({ text });

describe.each(["single_choice", "true_false"] as const)("%s", (type) => {
  const q = question({
    type,
    points: 3,
    choices: [
      { id: "a", isCorrect: false },
      { id: "b", isCorrect: true },
      { id: "c", isCorrect: false },
    ],
  });
  const grade = (response: StoredResponse | null) => gradeQuestion(q, response, partial);

  it("the correct pick scores full points", () => {
    expect(grade(picks("b"))).toEqual({ questionId: "q", answered: true, isCorrect: true, pointsAwarded: 3 });
  });
  it("a wrong pick scores zero", () => {
    expect(grade(picks("a"))).toEqual({ questionId: "q", answered: true, isCorrect: false, pointsAwarded: 0 });
  });
  it("no pick is unanswered and scores zero", () => {
    expect(grade(picks())).toEqual({ questionId: "q", answered: false, isCorrect: false, pointsAwarded: 0 });
    expect(grade(null)).toEqual({ questionId: "q", answered: false, isCorrect: false, pointsAwarded: 0 });
  });
  it("two picks score zero, even when one is right, partial credit or not", () => {
    expect(grade(picks("b", "a")).pointsAwarded).toBe(0);
    expect(grade(picks("a", "b")).isCorrect).toBe(false);
    expect(gradeQuestion(q, picks("b", "c"), allOrNothing).pointsAwarded).toBe(0);
  });
  it("the right id repeated is still one pick", () => {
    expect(grade(picks("b", "b"))).toMatchObject({ isCorrect: true, pointsAwarded: 3 });
  });
  it("an unknown id (a deleted choice) scores zero, alone or with the right one", () => {
    expect(grade(picks("zzz"))).toMatchObject({ answered: true, isCorrect: false, pointsAwarded: 0 });
    expect(grade(picks("b", "zzz")).pointsAwarded).toBe(0);
  });
  it("a typed text is not an answer to a choice question", () => {
    expect(grade(typed("b"))).toMatchObject({ answered: false, pointsAwarded: 0 });
  });
});

describe("multiple_choice", () => {
  // Three right choices (a, b, c) and two wrong ones (x, y), 6 points.
  const q = question({
    type: "multiple_choice",
    points: 6,
    choices: [
      { id: "a", isCorrect: true },
      { id: "x", isCorrect: false },
      { id: "b", isCorrect: true },
      { id: "y", isCorrect: false },
      { id: "c", isCorrect: true },
    ],
  });

  it("exactly the right picks score full points with or without partial credit", () => {
    for (const options of [allOrNothing, partial]) {
      expect(gradeQuestion(q, picks("c", "a", "b"), options)).toEqual({
        questionId: "q",
        answered: true,
        isCorrect: true,
        pointsAwarded: 6,
      });
    }
  });

  it.each([
    ["two of three right", ["a", "b"]],
    ["all right plus one wrong", ["a", "b", "c", "x"]],
    ["every choice", ["a", "b", "c", "x", "y"]],
    ["only wrong", ["x"]],
  ])("all or nothing: %s scores zero", (_label, ids) => {
    expect(gradeQuestion(q, picks(...ids), allOrNothing)).toMatchObject({ answered: true, isCorrect: false, pointsAwarded: 0 });
  });

  it.each([
    // right - wrong, over 3 right choices, times 6 points
    [["a", "b"], 4],
    [["a"], 2],
    [["a", "b", "c", "x"], 4],
    [["a", "b", "c", "x", "y"], 2],
    [["a", "b", "x"], 2],
    [["a", "x"], 0],
    [["a", "x", "y"], 0],
    [["x"], 0],
    [["x", "y"], 0],
  ])("partial credit: %j scores %d (right minus wrong, never below zero)", (ids, points) => {
    const grade = gradeQuestion(q, picks(...ids), partial);
    expect(grade.pointsAwarded).toBe(points);
    expect(grade.isCorrect).toBe(false);
    expect(grade.answered).toBe(true);
  });

  it("partial credit fractions are rounded to two decimals", () => {
    const onePoint = { ...q, points: 1 };
    expect(gradeQuestion(onePoint, picks("a"), partial).pointsAwarded).toBe(0.33);
    expect(gradeQuestion(onePoint, picks("a", "b"), partial).pointsAwarded).toBe(0.67);
    const sevenRight = question({
      type: "multiple_choice",
      points: 2,
      choices: Array.from({ length: 7 }, (_, i) => ({ id: `r${i}`, isCorrect: true })),
    });
    // 2 * 1/7 = 0.2857…
    expect(gradeQuestion(sevenRight, picks("r0"), partial).pointsAwarded).toBe(0.29);
  });

  it("duplicate ids count once: a right pick twice is not two right picks, a wrong one twice not two wrong ones", () => {
    expect(gradeQuestion(q, picks("a", "a", "a"), partial).pointsAwarded).toBe(2);
    expect(gradeQuestion(q, picks("a", "b", "x", "x"), partial).pointsAwarded).toBe(2);
    expect(gradeQuestion(q, picks("a", "b", "c", "c"), allOrNothing)).toMatchObject({ isCorrect: true, pointsAwarded: 6 });
  });

  it("unknown ids count for nothing, neither right nor wrong", () => {
    expect(gradeQuestion(q, picks("a", "b", "c", "gone"), allOrNothing)).toMatchObject({ isCorrect: true, pointsAwarded: 6 });
    expect(gradeQuestion(q, picks("a", "gone", "also-gone"), partial).pointsAwarded).toBe(2);
    expect(gradeQuestion(q, picks("gone"), partial)).toMatchObject({ answered: true, pointsAwarded: 0 });
  });

  it("no pick is unanswered and scores zero", () => {
    expect(gradeQuestion(q, picks(), partial)).toMatchObject({ answered: false, isCorrect: false, pointsAwarded: 0 });
    expect(gradeQuestion(q, null, partial)).toMatchObject({ answered: false, isCorrect: false, pointsAwarded: 0 });
  });

  it("a question with no right choice gives nothing, whatever is picked", () => {
    const broken = question({ type: "multiple_choice", choices: [{ id: "x", isCorrect: false }] });
    expect(gradeQuestion(broken, picks(), partial).pointsAwarded).toBe(0);
    expect(gradeQuestion(broken, picks("x"), partial).pointsAwarded).toBe(0);
  });
});

describe("short_answer", () => {
  const q = question({ type: "short_answer", points: 2, acceptedAnswers: ["variable", "an  Unknown ", "Straße", "ＡＢＣ"] });
  const grade = (text: string) => gradeQuestion(q, typed(text), allOrNothing);

  it.each(["variable", "VARIABLE", "Variable", "  variable  ", "\tvariable\n"])("accepts %j", (text) => {
    expect(grade(text)).toMatchObject({ answered: true, isCorrect: true, pointsAwarded: 2 });
  });

  it("any of several accepted answers counts, with repeated and surrounding spaces ignored on both sides", () => {
    expect(grade("an unknown").pointsAwarded).toBe(2);
    expect(grade("AN    UNKNOWN").pointsAwarded).toBe(2);
    expect(grade("an\u00a0unknown").pointsAwarded).toBe(2);
  });

  it("folds Unicode: full-width letters and German sharp s", () => {
    expect(grade("abc").pointsAwarded).toBe(2);
    expect(grade("ABC").pointsAwarded).toBe(2);
    expect(grade("ａｂｃ").pointsAwarded).toBe(2);
    expect(grade("STRASSE").pointsAwarded).toBe(2);
    expect(grade("strasse").pointsAwarded).toBe(2);
    expect(grade("straße").pointsAwarded).toBe(2);
  });

  it("composed and decomposed accents are the same answer", () => {
    const cafe = question({ type: "short_answer", acceptedAnswers: ["Café"] });
    expect(gradeQuestion(cafe, typed("cafe\u0301"), allOrNothing).isCorrect).toBe(true);
    expect(gradeQuestion(cafe, typed("CAFÉ"), allOrNothing).isCorrect).toBe(true);
    expect(gradeQuestion(cafe, typed("cafe"), allOrNothing).isCorrect).toBe(false);
  });

  it.each(["variables", "var iable", "a variable", "unknown"])("refuses %j", (text) => {
    expect(grade(text)).toMatchObject({ answered: true, isCorrect: false, pointsAwarded: 0 });
  });

  it("an empty or blank answer is unanswered and never matches, even an empty accepted answer", () => {
    const withBlank = question({ type: "short_answer", acceptedAnswers: ["", "  "] });
    for (const text of ["", "   ", "\n"]) {
      expect(gradeQuestion(withBlank, typed(text), allOrNothing)).toMatchObject({ answered: false, pointsAwarded: 0 });
    }
    expect(gradeQuestion(q, null, allOrNothing)).toMatchObject({ answered: false, pointsAwarded: 0 });
  });

  it("a choice response is not an answer to a text question", () => {
    expect(gradeQuestion(q, picks("variable"), allOrNothing)).toMatchObject({ answered: false, pointsAwarded: 0 });
  });

  it("no accepted answers means nothing is right", () => {
    const none = question({ type: "short_answer", acceptedAnswers: [] });
    expect(gradeQuestion(none, typed("anything"), allOrNothing)).toMatchObject({ answered: true, pointsAwarded: 0 });
  });
});

describe("numeric", () => {
  const numeric = (value: number | null, tolerance: number, points = 1) =>
    question({ type: "numeric", numericValue: value, numericTolerance: tolerance, points });
  const grade = (q: GradableQuestion, text: string) => gradeQuestion(q, typed(text), allOrNothing);

  it("the value scores, something else does not", () => {
    const q = numeric(2.4, 0, 4);
    expect(grade(q, "2.4")).toEqual({ questionId: "q", answered: true, isCorrect: true, pointsAwarded: 4 });
    expect(grade(q, "2.5")).toEqual({ questionId: "q", answered: true, isCorrect: false, pointsAwarded: 0 });
  });

  it("tolerance includes both edges", () => {
    const q = numeric(2.4, 0.05);
    expect(grade(q, "2.45").isCorrect).toBe(true);
    expect(grade(q, "2.35").isCorrect).toBe(true);
    expect(grade(q, "2.4500001").isCorrect).toBe(false);
    expect(grade(q, "2.3499999").isCorrect).toBe(false);
    const tenth = numeric(1, 0.1);
    // 1.1 - 1 is 0.10000000000000009 in binary: still at the edge, not past it.
    expect(grade(tenth, "1.1").isCorrect).toBe(true);
    expect(grade(tenth, "0.9").isCorrect).toBe(true);
    expect(grade(tenth, "1.1000001").isCorrect).toBe(false);
    const fifth = numeric(0.2, 0.1);
    expect(grade(fifth, "0.1").isCorrect).toBe(true);
    expect(grade(fifth, "0.3").isCorrect).toBe(true);
    expect(grade(fifth, "0.30001").isCorrect).toBe(false);
  });

  it("binary rounding: 0.1 + 0.2 as the stored value still matches 0.3 with no tolerance", () => {
    expect(grade(numeric(0.1 + 0.2, 0), "0.3").isCorrect).toBe(true);
    expect(grade(numeric(0.3, 0), String(0.1 + 0.2)).isCorrect).toBe(true);
  });

  it("tolerance 0 means the value itself, however close another answer is", () => {
    const q = numeric(0.3, 0);
    expect(grade(q, "0.3").isCorrect).toBe(true);
    expect(grade(q, "0.30").isCorrect).toBe(true);
    expect(grade(q, "3e-1").isCorrect).toBe(true);
    expect(grade(q, "0.30000000001").isCorrect).toBe(false);
    expect(grade(q, "0.29999999999").isCorrect).toBe(false);
    const tiny = numeric(1e-12, 0);
    expect(grade(tiny, "2e-12").isCorrect).toBe(false);
    expect(grade(tiny, "1e-12").isCorrect).toBe(true);
    const big = numeric(6.02e23, 0);
    expect(grade(big, "6.02e23").isCorrect).toBe(true);
    expect(grade(big, "6.0200001e23").isCorrect).toBe(false);
  });

  it("negative values and tolerances around them", () => {
    const q = numeric(-3.5, 0.5);
    expect(grade(q, "-3").isCorrect).toBe(true);
    expect(grade(q, "-4").isCorrect).toBe(true);
    expect(grade(q, "−3.5").isCorrect).toBe(true);
    expect(grade(q, "3.5").isCorrect).toBe(false);
    expect(grade(q, "-4.01").isCorrect).toBe(false);
    const zero = numeric(0, 0);
    expect(grade(zero, "-0").isCorrect).toBe(true);
    expect(grade(zero, "+0.0").isCorrect).toBe(true);
  });

  it("a decimal comma is read as a decimal point", () => {
    const q = numeric(2.4, 0);
    expect(grade(q, "2,4").isCorrect).toBe(true);
    expect(grade(q, " 2,40 ").isCorrect).toBe(true);
  });

  it("an unparsable answer is answered but wrong, whatever the tolerance", () => {
    const q = numeric(12, 1000);
    for (const text of ["12 cm", "1/2", "twelve", "Infinity", "-Infinity", "NaN", "0x0c", "1 2", "12..", "1e", "e5"]) {
      expect(grade(q, text), text).toMatchObject({ answered: true, isCorrect: false, pointsAwarded: 0 });
    }
  });

  it("empty is unanswered", () => {
    const q = numeric(0, 10);
    expect(grade(q, "")).toMatchObject({ answered: false, pointsAwarded: 0 });
    expect(grade(q, "  ")).toMatchObject({ answered: false, pointsAwarded: 0 });
    expect(gradeQuestion(q, null, allOrNothing)).toMatchObject({ answered: false, pointsAwarded: 0 });
  });

  it("a question without its value gives nothing", () => {
    expect(grade(numeric(null, 5), "0")).toMatchObject({ answered: true, isCorrect: false, pointsAwarded: 0 });
  });
});
