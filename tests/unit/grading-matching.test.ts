import { describe, expect, it } from "vitest";
import { gradeAttempt, gradeQuestion, isAnswered, matchingShare, type AnyResponse, type GradableQuestion, type MatchingData } from "@/lib/grading";

const options = { partialCredit: false };

// Three prompts (p1..p3) with their answers (a1..a3) and two distractors (d1, d2).
const data: MatchingData = {
  kind: "matching",
  prompts: [
    { id: "p1", answerId: "a1" },
    { id: "p2", answerId: "a2" },
    { id: "p3", answerId: "a3" },
  ],
  answers: [{ id: "a1" }, { id: "d1" }, { id: "a2" }, { id: "a3" }, { id: "d2" }],
};

function question(overrides: Partial<GradableQuestion> = {}): GradableQuestion {
  return { id: "q", type: "matching", points: 3, choices: [], acceptedAnswers: [], numericValue: null, numericTolerance: 0, data, ...overrides };
}

const matches = (pairs: Record<string, string>): AnyResponse => ({ matches: pairs });
const grade = (response: AnyResponse | null, q = question()) => gradeQuestion(q, response, options);

describe("matching", () => {
  it("every prompt matched right scores full points", () => {
    expect(grade(matches({ p1: "a1", p2: "a2", p3: "a3" }))).toEqual({ questionId: "q", answered: true, isCorrect: true, pointsAwarded: 3 });
  });

  it.each([
    [{ p1: "a1", p2: "a2", p3: "d1" }, 2],
    [{ p1: "a1", p2: "a3", p3: "a2" }, 1],
    [{ p1: "a1" }, 1],
    [{ p1: "a2", p2: "a3", p3: "a1" }, 0],
    [{ p1: "d1", p2: "d2", p3: "d1" }, 0],
  ])("partial credit always, by prompt: %j scores %d", (pairs, points) => {
    const result = grade(matches(pairs));
    expect(result.pointsAwarded).toBe(points);
    expect(result.isCorrect).toBe(false);
    expect(result.answered).toBe(true);
  });

  it("the same option for partial credit, whatever the quiz's partial-credit setting", () => {
    const response = matches({ p1: "a1", p2: "a2" });
    expect(gradeQuestion(question(), response, { partialCredit: true }).pointsAwarded).toBe(2);
    expect(gradeQuestion(question(), response, { partialCredit: false }).pointsAwarded).toBe(2);
  });

  it("shares are rounded to two decimals", () => {
    expect(grade(matches({ p1: "a1" }), question({ points: 1 })).pointsAwarded).toBe(0.33);
    expect(grade(matches({ p1: "a1", p2: "a2" }), question({ points: 1 })).pointsAwarded).toBe(0.67);
  });

  it("one answer given to several prompts is right only for its own prompt", () => {
    expect(grade(matches({ p1: "a1", p2: "a1", p3: "a1" })).pointsAwarded).toBe(1);
  });

  it("unknown answer ids are wrong and unknown prompt ids are ignored", () => {
    expect(grade(matches({ p1: "zzz", p2: "a2", p3: "a3" })).pointsAwarded).toBe(2);
    expect(grade(matches({ p1: "a1", p2: "a2", p3: "a3", gone: "a1" }))).toMatchObject({ isCorrect: true, pointsAwarded: 3 });
    expect(grade(matches({ gone: "a1" }))).toMatchObject({ answered: true, isCorrect: false, pointsAwarded: 0 });
  });

  it("ids are compared exactly: no trimming, no case folding", () => {
    expect(grade(matches({ p1: "A1", p2: " a2", p3: "a3" })).pointsAwarded).toBe(1);
  });

  it("a prompt whose right answer is not among the answers can never be right", () => {
    const broken = question({ data: { ...data, answers: [{ id: "a1" }, { id: "a2" }] } });
    expect(grade(matches({ p1: "a1", p2: "a2", p3: "a3" }), broken)).toMatchObject({ isCorrect: false, pointsAwarded: 2 });
  });

  it("no match, an empty map or null is unanswered and scores zero", () => {
    for (const response of [matches({}), null]) {
      expect(grade(response)).toEqual({ questionId: "q", answered: false, isCorrect: false, pointsAwarded: 0 });
    }
  });

  it("empty answer ids are no match at all", () => {
    expect(grade(matches({ p1: "", p2: "" }))).toMatchObject({ answered: false, pointsAwarded: 0 });
    expect(grade(matches({ p1: "", p2: "a2" }))).toMatchObject({ answered: true, pointsAwarded: 1 });
  });

  it("malformed saved JSON reads as no answer instead of throwing", () => {
    const junk = [{ matches: null }, { matches: ["a1", "a2"] }, { matches: "a1" }, { matches: { p1: 1, p2: null, p3: ["a3"] } }];
    for (const response of junk) {
      expect(grade(response as unknown as AnyResponse)).toMatchObject({ answered: false, pointsAwarded: 0 });
    }
    expect(grade({ matches: { p1: "a1", p2: 2 } } as unknown as AnyResponse)).toMatchObject({ answered: true, pointsAwarded: 1 });
  });

  it("inherited properties are never read as matches", () => {
    const tricky = question({ data: { kind: "matching", prompts: [{ id: "constructor", answerId: "a1" }, { id: "toString", answerId: "a2" }], answers: [{ id: "a1" }, { id: "a2" }] } });
    expect(grade(matches({}), tricky)).toMatchObject({ answered: false, pointsAwarded: 0 });
    const parsed = JSON.parse('{"matches":{"__proto__":"a1","constructor":"a1"}}') as AnyResponse;
    expect(grade(parsed, tricky)).toMatchObject({ answered: true, pointsAwarded: 1.5 });
  });

  it("a response of another type's shape answers nothing", () => {
    expect(grade({ choiceIds: ["a1"] })).toMatchObject({ answered: false, pointsAwarded: 0 });
    expect(grade({ text: "a1" })).toMatchObject({ answered: false, pointsAwarded: 0 });
    expect(grade({ order: ["a1", "a2", "a3"] })).toMatchObject({ answered: false, pointsAwarded: 0 });
  });

  it("a matching question without its data, or with another type's data, gives nothing", () => {
    expect(grade(matches({ p1: "a1" }), question({ data: undefined }))).toMatchObject({ answered: true, pointsAwarded: 0 });
    expect(grade(matches({ p1: "a1" }), question({ data: { kind: "ordering", itemIds: ["a1"] } }))).toMatchObject({ pointsAwarded: 0 });
  });

  it("a question without prompts gives nothing", () => {
    expect(matchingShare({ kind: "matching", prompts: [], answers: [{ id: "a1" }] }, new Map([["p1", "a1"]]))).toBe(0);
  });

  it("matchingShare is the share of right prompts", () => {
    expect(matchingShare(data, new Map([["p1", "a1"], ["p3", "a3"]]))).toBeCloseTo(2 / 3, 12);
    expect(matchingShare(data, new Map())).toBe(0);
  });

  it("isAnswered understands matches", () => {
    expect(isAnswered(matches({ p1: "a1" }))).toBe(true);
    expect(isAnswered(matches({}))).toBe(false);
    expect(isAnswered(matches({ p1: "" }))).toBe(false);
  });

  it("counts in an attempt and does not change its inputs", () => {
    const q = question();
    const snapshot = JSON.stringify(q);
    const responses = new Map<string, AnyResponse>([["q", matches({ p1: "a1", p2: "a2" })]]);
    expect(gradeAttempt([q], responses, options)).toEqual({
      questions: [{ questionId: "q", answered: true, isCorrect: false, pointsAwarded: 2 }],
      scorePoints: 2,
      maxPoints: 3,
      scorePercent: 66.67,
    });
    expect(JSON.stringify(q)).toBe(snapshot);
  });
});
