import { describe, expect, it } from "vitest";
import { gradeAttempt, gradeQuestion, isAnswered, orderingShare, type AnyResponse, type GradableQuestion, type OrderingData } from "@/lib/grading";

const options = { partialCredit: false };
const data: OrderingData = { kind: "ordering", itemIds: ["a", "b", "c", "d"] };

function question(overrides: Partial<GradableQuestion> = {}): GradableQuestion {
  return { id: "q", type: "ordering", points: 4, choices: [], acceptedAnswers: [], numericValue: null, numericTolerance: 0, data, ...overrides };
}

const order = (...ids: string[]): AnyResponse => ({ order: ids });
const grade = (response: AnyResponse | null, q = question()) => gradeQuestion(q, response, options);

describe("ordering", () => {
  it("the right order scores full points", () => {
    expect(grade(order("a", "b", "c", "d"))).toEqual({ questionId: "q", answered: true, isCorrect: true, pointsAwarded: 4 });
  });

  it.each([
    [["b", "a", "c", "d"], 2],
    [["a", "b", "d", "c"], 2],
    [["a", "c", "b", "d"], 2],
    [["d", "b", "c", "a"], 2],
    [["a", "d", "c", "b"], 2],
    [["d", "c", "b", "a"], 0],
    [["b", "c", "d", "a"], 0],
    [["b", "a", "d", "c"], 0],
  ])("partial credit by position: %j scores %d", (ids, points) => {
    const result = grade(order(...ids));
    expect(result).toMatchObject({ answered: true, isCorrect: false, pointsAwarded: points });
  });

  it("partial credit applies whatever the quiz's partial-credit setting", () => {
    expect(gradeQuestion(question(), order("b", "a", "c", "d"), { partialCredit: true }).pointsAwarded).toBe(2);
  });

  it("an odd number of items reversed keeps the middle one in place", () => {
    const five = question({ points: 5, data: { kind: "ordering", itemIds: ["1", "2", "3", "4", "5"] } });
    expect(grade(order("5", "4", "3", "2", "1"), five).pointsAwarded).toBe(1);
  });

  it("shares are rounded to two decimals", () => {
    const three = question({ points: 1, data: { kind: "ordering", itemIds: ["x", "y", "z"] } });
    expect(grade(order("x", "z", "y"), three).pointsAwarded).toBe(0.33);
    expect(grade(order("z", "y", "x"), three).pointsAwarded).toBe(0.33);
  });

  describe("a response that is not a permutation scores only the positions holding the right id", () => {
    it("missing ids", () => {
      expect(grade(order("a", "b")).pointsAwarded).toBe(2);
      expect(grade(order("b", "c", "d")).pointsAwarded).toBe(0);
    });
    it("duplicate ids", () => {
      expect(grade(order("a", "a", "c", "c")).pointsAwarded).toBe(2);
      expect(grade(order("a", "a", "a", "a")).pointsAwarded).toBe(1);
    });
    it("unknown ids", () => {
      expect(grade(order("a", "zzz", "c", "d")).pointsAwarded).toBe(3);
      expect(grade(order("x", "y", "z", "w"))).toMatchObject({ answered: true, pointsAwarded: 0 });
    });
    it("extra ids past the last item change nothing, but never make a wrong order right", () => {
      expect(grade(order("a", "b", "c", "d", "e"))).toMatchObject({ isCorrect: true, pointsAwarded: 4 });
      expect(grade(order("e", "a", "b", "c", "d")).pointsAwarded).toBe(0);
    });
    it("ids are compared exactly", () => {
      expect(grade(order("A", " b", "c", "d")).pointsAwarded).toBe(2);
    });
  });

  it("an empty order or null is unanswered and scores zero", () => {
    for (const response of [order(), null]) {
      expect(grade(response)).toEqual({ questionId: "q", answered: false, isCorrect: false, pointsAwarded: 0 });
    }
  });

  it("malformed saved JSON reads as no answer, and entries that are not strings hold no item", () => {
    for (const junk of [{ order: null }, { order: "abcd" }, { order: { 0: "a" } }]) {
      expect(grade(junk as unknown as AnyResponse)).toMatchObject({ answered: false, pointsAwarded: 0 });
    }
    expect(grade({ order: ["a", 1, null, "d"] } as unknown as AnyResponse)).toMatchObject({ answered: true, pointsAwarded: 2 });
  });

  it("a response of another type's shape answers nothing", () => {
    expect(grade({ choiceIds: ["a", "b", "c", "d"] })).toMatchObject({ answered: false, pointsAwarded: 0 });
    expect(grade({ gaps: ["a", "b", "c", "d"] })).toMatchObject({ answered: false, pointsAwarded: 0 });
  });

  it("a question without its data, or with no items, gives nothing", () => {
    expect(grade(order("a"), question({ data: undefined }))).toMatchObject({ answered: true, pointsAwarded: 0 });
    expect(grade(order("a"), question({ data: { kind: "ordering", itemIds: [] } }))).toMatchObject({ answered: true, pointsAwarded: 0 });
    expect(orderingShare({ kind: "ordering", itemIds: [] }, [])).toBe(0);
  });

  it("orderingShare is the share of items in place", () => {
    expect(orderingShare(data, ["a", null, "c"])).toBe(0.5);
    expect(orderingShare(data, [])).toBe(0);
  });

  it("isAnswered understands orders", () => {
    expect(isAnswered(order("a"))).toBe(true);
    expect(isAnswered(order())).toBe(false);
  });

  it("counts in an attempt", () => {
    const grade = gradeAttempt([question()], new Map([["q", order("a", "b", "d", "c")]]), options);
    expect(grade).toMatchObject({ scorePoints: 2, maxPoints: 4, scorePercent: 50 });
  });
});
