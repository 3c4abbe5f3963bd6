import { describe, expect, it } from "vitest";
import { gradeQuestion } from "@/lib/grading";
import { gradingDataOf, readQuestionData, seededShuffle, studentQuestionData } from "@/lib/quizzes/question-data";

const ids = Array.from({ length: 8 }, (_, index) => `00000000-0000-4000-8000-00000000000${index}`);
const matching = {
  kind: "matching",
  prompts: [{ id: ids[0], text: "Force", answerId: ids[2] }, { id: ids[1], text: "Work", answerId: ids[3] }],
  answers: [{ id: ids[2], text: "newton" }, { id: ids[3], text: "joule" }, { id: ids[4], text: "watt" }],
};
const ordering = { kind: "ordering", items: [{ id: ids[0], text: "a" }, { id: ids[1], text: "b" }, { id: ids[2], text: "c" }] };
const cloze = {
  kind: "cloze",
  gaps: [
    { kind: "short_answer", points: 1, answers: [{ text: "Paris", weight: 100 }] },
    { kind: "dropdown", points: 1, options: [{ id: ids[5], text: "H2O", weight: 100 }, { id: ids[6], text: "CO2", weight: 0 }] },
  ],
};

describe("a question's data", () => {
  it("reads only its type's shape, and anything malformed as nothing", () => {
    expect(readQuestionData("matching", matching)).toEqual(matching);
    expect(readQuestionData("ordering", matching)).toBeNull();
    expect(readQuestionData("cloze", { kind: "cloze", gaps: "x" })).toBeNull();
    expect(readQuestionData("single_choice", matching)).toBeNull();
    expect(readQuestionData("essay", null)).toBeNull();
  });

  it("gives grading the key, and a malformed one scores zero rather than failing", () => {
    const question = { id: "q", type: "matching" as const, points: 2, choices: [], acceptedAnswers: [], numericValue: null, numericTolerance: 0 };
    const right = { matches: { [ids[0]!]: ids[2]!, [ids[1]!]: ids[4]! } };
    expect(gradeQuestion({ ...question, data: gradingDataOf("matching", matching) }, right, { partialCredit: false }).pointsAwarded).toBe(1);
    expect(gradeQuestion({ ...question, data: gradingDataOf("matching", { kind: "matching" }) }, right, { partialCredit: false }).pointsAwarded).toBe(0);
    expect(gradingDataOf("cloze", cloze)).toEqual({
      kind: "cloze",
      gaps: [cloze.gaps[0], { kind: "dropdown", points: 1, options: [{ id: ids[5], weight: 100 }, { id: ids[6], weight: 0 }] }],
    });
  });

  it("shows a student texts and ids only: no pairing, order, answers or weights", () => {
    const views = [studentQuestionData("matching", matching, "s"), studentQuestionData("ordering", ordering, "s"), studentQuestionData("cloze", cloze, "s")];
    const json = JSON.stringify(views);
    for (const secret of ["answerId", "weight", "Paris", "points"]) expect(json).not.toContain(secret);
    expect(views[2]).toEqual({ kind: "cloze", gaps: [{ kind: "short_answer" }, { kind: "dropdown", options: [{ id: ids[5], text: "H2O" }, { id: ids[6], text: "CO2" }] }] });
  });

  it("shuffles the same way for the same seed, and never hands out an ordering already in order", () => {
    expect(seededShuffle(ids, "a")).toEqual(seededShuffle(ids, "a"));
    expect(seededShuffle(ids, "a")).not.toEqual(seededShuffle(ids, "b"));
    expect([...seededShuffle(ids, "a")].sort()).toEqual([...ids].sort());
    for (let seed = 0; seed < 200; seed++) {
      const view = studentQuestionData("ordering", ordering, `seed-${seed}`);
      expect(view?.kind === "ordering" && view.items.map((item) => item.text).join("")).not.toBe("abc");
    }
  });
});
