import { describe, expect, it } from "vitest";
import { clozeGapPoints, clozeShare, gradeAttempt, gradeQuestion, isAnswered, type AnyResponse, type ClozeData, type GradableQuestion } from "@/lib/grading";

const options = { partialCredit: false };

// "The capital of France is [[1]], 2 + 0.5 = [[2]], water is [[3]]." Gaps worth 2, 3 and 1 points.
const data: ClozeData = {
  kind: "cloze",
  gaps: [
    { kind: "short_answer", points: 2, answers: [{ text: "Paris", weight: 100 }, { text: "Lutetia", weight: 50 }, { text: "Lyon", weight: -50 }] },
    { kind: "numeric", points: 3, answers: [{ value: 2.5, tolerance: 0, weight: 100 }, { value: 2.5, tolerance: 0.5, weight: 50 }] },
    { kind: "dropdown", points: 1, options: [{ id: "wet", weight: 100 }, { id: "damp", weight: 40 }, { id: "dry", weight: 0 }, { id: "burnt", weight: -100 }] },
  ],
};

function question(overrides: Partial<GradableQuestion> = {}): GradableQuestion {
  return { id: "q", type: "cloze", points: 6, choices: [], acceptedAnswers: [], numericValue: null, numericTolerance: 0, data, ...overrides };
}

const gaps = (...texts: string[]): AnyResponse => ({ gaps: texts });
const grade = (response: AnyResponse | null, q = question()) => gradeQuestion(q, response, options);

describe("cloze", () => {
  it("every gap right scores full points", () => {
    expect(grade(gaps("Paris", "2.5", "wet"))).toEqual({ questionId: "q", answered: true, isCorrect: true, pointsAwarded: 6 });
  });

  it("each gap earns its points times the weight of the answer it matches", () => {
    expect(grade(gaps("Paris", "", ""))).toMatchObject({ isCorrect: false, pointsAwarded: 2 });
    expect(grade(gaps("", "2.5", ""))).toMatchObject({ isCorrect: false, pointsAwarded: 3 });
    expect(grade(gaps("", "", "wet"))).toMatchObject({ isCorrect: false, pointsAwarded: 1 });
    expect(grade(gaps("Lutetia", "2.9", "damp"))).toMatchObject({ isCorrect: false, pointsAwarded: 1 + 1.5 + 0.4 });
  });

  it("partial credit applies whatever the quiz's partial-credit setting", () => {
    expect(gradeQuestion(question(), gaps("Paris", "", ""), { partialCredit: true }).pointsAwarded).toBe(2);
  });

  describe("short answer gaps", () => {
    it("compare as short answers do: case, spaces and Unicode form folded", () => {
      for (const text of ["paris", "  PARIS ", "ｐａｒｉｓ"]) expect(clozeGapPoints(data, [text])[0], text).toBe(2);
    });
    it("a penalty weight earns nothing for the gap, and takes nothing from the others", () => {
      expect(grade(gaps("Lyon", "2.5", "wet")).pointsAwarded).toBe(4);
    });
    it("the best matching weight wins", () => {
      const twice = question({ points: 1, data: { kind: "cloze", gaps: [{ kind: "short_answer", points: 1, answers: [{ text: "x", weight: 30 }, { text: "X", weight: 80 }] }] } });
      expect(grade(gaps("x"), twice).pointsAwarded).toBe(0.8);
    });
    it("blank text matches nothing, not even a blank answer", () => {
      const blank = question({ points: 1, data: { kind: "cloze", gaps: [{ kind: "short_answer", points: 1, answers: [{ text: "", weight: 100 }] }] } });
      expect(grade(gaps("  "), blank)).toMatchObject({ answered: false, pointsAwarded: 0 });
    });
  });

  describe("numeric gaps", () => {
    it("read the number as numeric questions do and compare within tolerance, the best weight winning", () => {
      expect(clozeGapPoints(data, ["", "2,5"])[1]).toBe(3);
      expect(clozeGapPoints(data, ["", " 2.50 "])[1]).toBe(3);
      expect(clozeGapPoints(data, ["", "3"])[1]).toBe(1.5);
      expect(clozeGapPoints(data, ["", "2"])[1]).toBe(1.5);
      expect(clozeGapPoints(data, ["", "3.01"])[1]).toBe(0);
    });
    it("text that is no number is answered but earns nothing", () => {
      expect(grade(gaps("", "two and a half", ""))).toMatchObject({ answered: true, pointsAwarded: 0 });
    });
  });

  describe("dropdown gaps", () => {
    it("earn the weight of the option picked, by exact id", () => {
      expect(clozeGapPoints(data, ["", "", "damp"])[2]).toBe(0.4);
      expect(clozeGapPoints(data, ["", "", "dry"])[2]).toBe(0);
      expect(clozeGapPoints(data, ["", "", "burnt"])[2]).toBe(0);
      expect(clozeGapPoints(data, ["", "", "WET"])[2]).toBe(0);
      expect(clozeGapPoints(data, ["", "", "gone"])[2]).toBe(0);
    });
  });

  it("weights are held to 0..100 of the gap's points", () => {
    const over = question({ points: 2, data: { kind: "cloze", gaps: [{ kind: "dropdown", points: 2, options: [{ id: "a", weight: 250 }] }] } });
    expect(grade(gaps("a"), over)).toMatchObject({ isCorrect: true, pointsAwarded: 2 });
  });

  it("a missing gap in the response, a short array or extra entries change nothing else", () => {
    expect(grade(gaps("Paris"))).toMatchObject({ answered: true, pointsAwarded: 2 });
    expect(grade(gaps("Paris", "2.5", "wet", "extra", "more"))).toMatchObject({ isCorrect: true, pointsAwarded: 6 });
  });

  it("all gaps blank, an empty array or null is unanswered and scores zero", () => {
    for (const response of [gaps("", " ", "\n"), gaps(), null]) {
      expect(grade(response)).toEqual({ questionId: "q", answered: false, isCorrect: false, pointsAwarded: 0 });
    }
  });

  it("malformed saved JSON reads as no answer, and entries that are not strings as blank gaps", () => {
    for (const junk of [{ gaps: null }, { gaps: "Paris" }, { gaps: { 0: "Paris" } }, { gaps: [1, null, {}] }]) {
      expect(grade(junk as unknown as AnyResponse)).toMatchObject({ answered: false, pointsAwarded: 0 });
    }
    expect(grade({ gaps: [2.5, "2.5", null] } as unknown as AnyResponse)).toMatchObject({ answered: true, pointsAwarded: 3 });
  });

  it("the question's points scale the gaps when they differ from the gaps' sum", () => {
    expect(grade(gaps("Paris", "", ""), question({ points: 12 })).pointsAwarded).toBe(4);
    expect(grade(gaps("Paris", "", ""), question({ points: 1 })).pointsAwarded).toBe(0.33);
    expect(grade(gaps("Paris", "2.5", "wet"), question({ points: 1 }))).toMatchObject({ isCorrect: true, pointsAwarded: 1 });
  });

  it("gaps worth nothing (zero, negative or not a number) weigh nothing", () => {
    const odd = question({
      points: 2,
      data: {
        kind: "cloze",
        gaps: [
          { kind: "dropdown", points: 2, options: [{ id: "a", weight: 100 }] },
          { kind: "dropdown", points: 0, options: [{ id: "a", weight: 100 }] },
          { kind: "dropdown", points: -3, options: [{ id: "a", weight: 100 }] },
          { kind: "dropdown", points: Number.NaN, options: [{ id: "a", weight: 100 }] },
        ],
      },
    });
    expect(grade(gaps("a", "", "", ""), odd)).toMatchObject({ isCorrect: true, pointsAwarded: 2 });
    expect(grade(gaps("", "a", "a", "a"), odd)).toMatchObject({ isCorrect: false, pointsAwarded: 0 });
  });

  it("a question without gaps, without its data or with another type's data gives nothing", () => {
    expect(grade(gaps("Paris"), question({ data: { kind: "cloze", gaps: [] } }))).toMatchObject({ answered: true, pointsAwarded: 0 });
    expect(grade(gaps("Paris"), question({ data: undefined }))).toMatchObject({ answered: true, pointsAwarded: 0 });
    expect(grade(gaps("Paris"), question({ data: { kind: "ordering", itemIds: ["Paris"] } }))).toMatchObject({ pointsAwarded: 0 });
    expect(clozeShare({ kind: "cloze", gaps: [] }, [])).toBe(0);
  });

  it("a response of another type's shape answers nothing", () => {
    expect(grade({ text: "Paris" })).toMatchObject({ answered: false, pointsAwarded: 0 });
    expect(grade({ order: ["Paris", "2.5", "wet"] })).toMatchObject({ answered: false, pointsAwarded: 0 });
  });

  it("clozeGapPoints gives each gap's points and clozeShare their share of the gaps' sum", () => {
    expect(clozeGapPoints(data, ["Lutetia", "2.5", "burnt"])).toEqual([1, 3, 0]);
    expect(clozeShare(data, ["Lutetia", "2.5", "burnt"])).toBeCloseTo(4 / 6, 12);
  });

  it("isAnswered understands gaps", () => {
    expect(isAnswered(gaps("", "x"))).toBe(true);
    expect(isAnswered(gaps("", " "))).toBe(false);
    expect(isAnswered(gaps())).toBe(false);
  });

  it("counts in an attempt", () => {
    const grade = gradeAttempt([question()], new Map([["q", gaps("Paris", "2", "")]]), options);
    expect(grade).toMatchObject({ scorePoints: 3.5, maxPoints: 6, scorePercent: 58.33 });
  });
});
