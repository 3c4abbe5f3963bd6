import { describe, expect, it } from "vitest";
import {
  bestNumericAnswerWeight,
  bestTextAnswerWeight,
  gradeQuestion,
  hasChoiceWeights,
  settleShare,
  shareOfWeight,
  type AnyResponse,
  type GradableQuestion,
} from "@/lib/grading";

const allOrNothing = { partialCredit: false };
const partial = { partialCredit: true };

function question(overrides: Partial<GradableQuestion> & Pick<GradableQuestion, "type">): GradableQuestion {
  return { id: "q", points: 4, choices: [], acceptedAnswers: [], numericValue: null, numericTolerance: 0, ...overrides };
}

const picks = (...choiceIds: string[]): AnyResponse => ({ choiceIds });
const typed = (text: string): AnyResponse => ({ text });

// Every subset of the ids, so the equivalence tests cover every possible pick.
const subsets = (ids: string[]): string[][] => ids.reduce<string[][]>((all, id) => [...all, ...all.map((set) => [...set, id])], [[]]);

describe.each(["single_choice", "true_false"] as const)("%s with weights", (type) => {
  const q = question({
    type,
    choices: [
      { id: "best", isCorrect: true, weight: 100 },
      { id: "half", isCorrect: false, weight: 50 },
      { id: "none", isCorrect: false, weight: 0 },
      { id: "penalty", isCorrect: false, weight: -50 },
      { id: "plain-right", isCorrect: true, weight: null },
      { id: "plain-wrong", isCorrect: false },
    ],
  });
  const grade = (response: AnyResponse | null) => gradeQuestion(q, response, allOrNothing);

  it("the pick earns its weight", () => {
    expect(grade(picks("best"))).toEqual({ questionId: "q", answered: true, isCorrect: true, pointsAwarded: 4 });
    expect(grade(picks("half"))).toEqual({ questionId: "q", answered: true, isCorrect: false, pointsAwarded: 2 });
    expect(grade(picks("none"))).toMatchObject({ isCorrect: false, pointsAwarded: 0 });
  });
  it("a negative weight scores zero for the question, never below", () => {
    expect(grade(picks("penalty"))).toMatchObject({ answered: true, isCorrect: false, pointsAwarded: 0 });
  });
  it("a choice without a weight, in a question with weights, weighs 100 when correct and 0 otherwise", () => {
    expect(grade(picks("plain-right"))).toMatchObject({ isCorrect: true, pointsAwarded: 4 });
    expect(grade(picks("plain-wrong"))).toMatchObject({ isCorrect: false, pointsAwarded: 0 });
  });
  it("the weight decides, not the correct flag", () => {
    const flagged = question({ type, choices: [{ id: "a", isCorrect: true, weight: 25 }, { id: "b", isCorrect: false, weight: 100 }] });
    expect(gradeQuestion(flagged, picks("a"), allOrNothing)).toMatchObject({ isCorrect: false, pointsAwarded: 1 });
    expect(gradeQuestion(flagged, picks("b"), allOrNothing)).toMatchObject({ isCorrect: true, pointsAwarded: 4 });
  });
  it("a weight above 100 is full marks, no more", () => {
    const over = question({ type, choices: [{ id: "a", isCorrect: true, weight: 150 }] });
    expect(gradeQuestion(over, picks("a"), allOrNothing)).toMatchObject({ isCorrect: true, pointsAwarded: 4 });
  });
  it("two picks, no pick or an unknown id earn nothing, as without weights", () => {
    expect(grade(picks("best", "half")).pointsAwarded).toBe(0);
    expect(grade(picks())).toMatchObject({ answered: false, pointsAwarded: 0 });
    expect(grade(null)).toMatchObject({ answered: false, pointsAwarded: 0 });
    expect(grade(picks("gone"))).toMatchObject({ answered: true, pointsAwarded: 0 });
    expect(grade(picks("best", "best"))).toMatchObject({ isCorrect: true, pointsAwarded: 4 });
  });
  it("weights are read whatever the partial-credit setting", () => {
    expect(gradeQuestion(q, picks("half"), partial).pointsAwarded).toBe(2);
  });
  it("weights that are not numbers count as no weight", () => {
    const odd = question({ type, choices: [{ id: "a", isCorrect: true, weight: Number.NaN }, { id: "b", isCorrect: false, weight: null }] });
    expect(hasChoiceWeights(odd.choices)).toBe(false);
    expect(gradeQuestion(odd, picks("a"), allOrNothing)).toMatchObject({ isCorrect: true, pointsAwarded: 4 });
  });
  it("without any weight (null or absent) the grade is exactly today's, for every pick", () => {
    const choices = [
      { id: "a", isCorrect: false },
      { id: "b", isCorrect: true },
      { id: "c", isCorrect: false },
    ];
    const plain = question({ type, choices });
    const nulls = question({ type, choices: choices.map((choice) => ({ ...choice, weight: null })) });
    for (const ids of subsets(["a", "b", "c", "gone"])) {
      expect(gradeQuestion(nulls, picks(...ids), allOrNothing), ids.join()).toEqual(gradeQuestion(plain, picks(...ids), allOrNothing));
    }
  });
});

describe("multiple_choice with weights", () => {
  // Moodle's multiple answer: two right halves, one partly right, two penalties.
  const q = question({
    type: "multiple_choice",
    choices: [
      { id: "r1", isCorrect: true, weight: 50 },
      { id: "r2", isCorrect: true, weight: 50 },
      { id: "some", isCorrect: false, weight: 25 },
      { id: "w1", isCorrect: false, weight: -50 },
      { id: "w2", isCorrect: false, weight: -100 },
    ],
  });

  it.each([
    [["r1", "r2"], 4, true],
    [["r1"], 2, false],
    [["r1", "some"], 3, false],
    [["r1", "r2", "some"], 4, true],
    [["r1", "r2", "w1"], 2, false],
    [["r1", "w1"], 0, false],
    [["r1", "w2"], 0, false],
    [["w1"], 0, false],
    [["r1", "r2", "some", "w1"], 3, false],
  ])("%j: the picks' weights add up, within 0..100, to %d points", (ids, points, correct) => {
    for (const options of [allOrNothing, partial]) {
      expect(gradeQuestion(q, picks(...ids), options)).toEqual({ questionId: "q", answered: true, isCorrect: correct, pointsAwarded: points });
    }
  });

  it("a pick counts once, and unknown ids count for nothing", () => {
    expect(gradeQuestion(q, picks("r1", "r1", "r1"), allOrNothing).pointsAwarded).toBe(2);
    expect(gradeQuestion(q, picks("r1", "gone"), allOrNothing).pointsAwarded).toBe(2);
    expect(gradeQuestion(q, picks("gone"), allOrNothing)).toMatchObject({ answered: true, pointsAwarded: 0 });
    expect(gradeQuestion(q, picks(), allOrNothing)).toMatchObject({ answered: false, pointsAwarded: 0 });
  });

  it("thirds written to five decimals add up to full marks", () => {
    const thirds = question({
      type: "multiple_choice",
      points: 3,
      choices: ["a", "b", "c"].map((id) => ({ id, isCorrect: true, weight: 33.33333 })),
    });
    expect(gradeQuestion(thirds, picks("a", "b", "c"), allOrNothing)).toMatchObject({ isCorrect: true, pointsAwarded: 3 });
    expect(gradeQuestion(thirds, picks("a"), allOrNothing)).toMatchObject({ isCorrect: false, pointsAwarded: 1 });
  });

  it("a choice without a weight weighs what partial credit gives it: ±100 over the correct choices", () => {
    const mixed = question({
      type: "multiple_choice",
      choices: [
        { id: "r1", isCorrect: true, weight: null },
        { id: "r2", isCorrect: true, weight: 50 },
        { id: "w", isCorrect: false },
      ],
    });
    expect(gradeQuestion(mixed, picks("r1"), allOrNothing).pointsAwarded).toBe(2);
    expect(gradeQuestion(mixed, picks("r1", "r2"), allOrNothing)).toMatchObject({ isCorrect: true, pointsAwarded: 4 });
    expect(gradeQuestion(mixed, picks("r1", "r2", "w"), allOrNothing).pointsAwarded).toBe(2);
  });

  it("without any weight the grade is exactly today's, with and without partial credit, for every pick", () => {
    const choices = [
      { id: "a", isCorrect: true },
      { id: "x", isCorrect: false },
      { id: "b", isCorrect: true },
      { id: "c", isCorrect: true },
    ];
    const plain = question({ type: "multiple_choice", choices });
    const nulls = question({ type: "multiple_choice", choices: choices.map((choice) => ({ ...choice, weight: null })) });
    for (const options of [allOrNothing, partial]) {
      for (const ids of subsets(["a", "x", "b", "c", "gone"])) {
        expect(gradeQuestion(nulls, picks(...ids), options), ids.join()).toEqual(gradeQuestion(plain, picks(...ids), options));
      }
    }
  });
});

describe("short_answer with weighted answers", () => {
  const q = question({
    type: "short_answer",
    acceptedAnswers: ["ignored"],
    answers: [
      { text: "mitochondria", weight: 100 },
      { text: "Mitochondrion", weight: 75 },
      { text: "the  powerhouse", weight: 50 },
      { text: "nucleus", weight: -100 },
      { text: "MITOCHONDRIA", weight: 20 },
    ],
  });
  const grade = (text: string) => gradeQuestion(q, typed(text), allOrNothing);

  it("the answers replace acceptedAnswers", () => {
    expect(grade("ignored")).toMatchObject({ answered: true, isCorrect: false, pointsAwarded: 0 });
  });
  it("the best weight among the matching answers wins, compared as short answers are", () => {
    expect(grade("Mitochondria")).toEqual({ questionId: "q", answered: true, isCorrect: true, pointsAwarded: 4 });
    expect(grade(" mitochondrion ")).toMatchObject({ isCorrect: false, pointsAwarded: 3 });
    expect(grade("THE POWERHOUSE")).toMatchObject({ isCorrect: false, pointsAwarded: 2 });
  });
  it("a penalty or no match scores zero", () => {
    expect(grade("nucleus")).toMatchObject({ answered: true, pointsAwarded: 0 });
    expect(grade("ribosome")).toMatchObject({ answered: true, pointsAwarded: 0 });
  });
  it("blank text is unanswered and matches nothing, not even a blank answer", () => {
    const blank = question({ type: "short_answer", answers: [{ text: " ", weight: 100 }] });
    expect(gradeQuestion(blank, typed("  "), allOrNothing)).toMatchObject({ answered: false, pointsAwarded: 0 });
  });
  it("an empty list of answers makes nothing right; no list keeps acceptedAnswers", () => {
    expect(gradeQuestion(question({ type: "short_answer", acceptedAnswers: ["x"], answers: [] }), typed("x"), allOrNothing).pointsAwarded).toBe(0);
    expect(gradeQuestion(question({ type: "short_answer", acceptedAnswers: ["x"] }), typed("x"), allOrNothing).pointsAwarded).toBe(4);
  });
  it("bestTextAnswerWeight gives the weight or null", () => {
    expect(bestTextAnswerWeight("mitochondria", q.answers ?? [])).toBe(100);
    expect(bestTextAnswerWeight("nucleus", q.answers ?? [])).toBe(-100);
    expect(bestTextAnswerWeight("other", q.answers ?? [])).toBeNull();
    expect(bestTextAnswerWeight("", [{ text: "", weight: 100 }])).toBeNull();
  });
});

describe("numeric with weighted answers", () => {
  const q = question({
    type: "numeric",
    numericValue: 100,
    numericTolerance: 0,
    numericAnswers: [
      { value: 9.81, tolerance: 0.01, weight: 100 },
      { value: 9.81, tolerance: 0.5, weight: 50 },
      { value: 10, tolerance: 0, weight: 25 },
      { value: -9.81, tolerance: 0.01, weight: -50 },
    ],
  });
  const grade = (text: string) => gradeQuestion(q, typed(text), allOrNothing);

  it("the answers replace numericValue and numericTolerance", () => {
    expect(grade("100")).toMatchObject({ answered: true, pointsAwarded: 0 });
  });
  it("the best weight among the values within tolerance wins", () => {
    expect(grade("9.81")).toEqual({ questionId: "q", answered: true, isCorrect: true, pointsAwarded: 4 });
    expect(grade("9,82")).toMatchObject({ isCorrect: true, pointsAwarded: 4 });
    expect(grade("9.8")).toMatchObject({ isCorrect: true, pointsAwarded: 4 });
    expect(grade("9.5")).toMatchObject({ isCorrect: false, pointsAwarded: 2 });
    expect(grade("10")).toMatchObject({ isCorrect: false, pointsAwarded: 2 });
    expect(grade("10.31")).toMatchObject({ pointsAwarded: 2 });
    expect(grade("10.32")).toMatchObject({ pointsAwarded: 0 });
  });
  it("a penalty, text that is no number or blank scores zero", () => {
    expect(grade("-9.81")).toMatchObject({ answered: true, pointsAwarded: 0 });
    expect(grade("9.81 m/s²")).toMatchObject({ answered: true, pointsAwarded: 0 });
    expect(grade(" ")).toMatchObject({ answered: false, pointsAwarded: 0 });
  });
  it("no list keeps numericValue and numericTolerance", () => {
    expect(gradeQuestion(question({ type: "numeric", numericValue: 2, numericTolerance: 0 }), typed("2"), allOrNothing).pointsAwarded).toBe(4);
  });
  it("bestNumericAnswerWeight gives the weight or null", () => {
    expect(bestNumericAnswerWeight("9.6", q.numericAnswers ?? [])).toBe(50);
    expect(bestNumericAnswerWeight("abc", q.numericAnswers ?? [])).toBeNull();
    expect(bestNumericAnswerWeight("0", q.numericAnswers ?? [])).toBeNull();
  });
});

describe("shareOfWeight and settleShare", () => {
  it.each([
    [100, 1],
    [50, 0.5],
    [0, 0],
    [-50, 0],
    [150, 1],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])("weight %d is a share of %d", (weight, share) => {
    expect(shareOfWeight(weight)).toBe(share);
  });

  it.each([
    [0.9999999, 1],
    [0.999999, 0.999999],
    [0.0000001, 0],
    [0.5, 0.5],
    [-1, 0],
    [2, 1],
    [Number.NaN, 0],
  ])("share %d settles to %d", (share, settled) => {
    expect(settleShare(share)).toBe(settled);
  });
});
