import { describe, expect, it } from "vitest";
import { clozeTextWithBlanks, splitClozeText } from "@/lib/quizzes/cloze-text";
import { dataReviewOf } from "@/lib/quizzes/taking/data-review";
import { displayedOrder, dropIndex, moveItem } from "@/lib/quizzes/taking/reorder";
import { wordCount } from "@/lib/quizzes/taking/word-count";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("splitClozeText", () => {
  it("cuts a paragraph at its markers, keeping the text between them", () => {
    expect(splitClozeText("The capital of France is [[1]] and of Spain [[2]].", 2)).toEqual([
      {
        kind: "gapped",
        parts: [
          { kind: "text", source: "The capital of France is " },
          { kind: "gap", index: 0 },
          { kind: "text", source: " and of Spain " },
          { kind: "gap", index: 1 },
          { kind: "text", source: "." },
        ],
      },
    ]);
  });

  it("keeps paragraphs without a gap as Markdown, joined so a fenced block stays whole", () => {
    const text = "Intro\n\n```\ncode\n\nmore\n```\n\nFill [[1]]\n\nAfter";
    expect(splitClozeText(text, 1)).toEqual([
      { kind: "markdown", source: "Intro\n\n```\ncode\n\nmore\n```" },
      { kind: "gapped", parts: [{ kind: "text", source: "Fill " }, { kind: "gap", index: 0 }] },
      { kind: "markdown", source: "After" },
    ]);
  });

  it("places each gap once; repeated, zero and out-of-range markers stay text", () => {
    expect(splitClozeText("[[1]] [[1]] [[0]] [[3]]", 1)).toEqual([
      { kind: "gapped", parts: [{ kind: "gap", index: 0 }, { kind: "text", source: " [[1]] [[0]] [[3]]" }] },
    ]);
  });

  it("puts the gaps the text never marks at the end, so each can be answered", () => {
    expect(splitClozeText("Only [[2]] here", 3)).toEqual([
      { kind: "gapped", parts: [{ kind: "text", source: "Only " }, { kind: "gap", index: 1 }, { kind: "text", source: " here" }] },
      { kind: "gapped", parts: [{ kind: "gap", index: 0 }, { kind: "gap", index: 2 }] },
    ]);
  });

  it("reads Windows line ends as paragraphs too", () => {
    expect(splitClozeText("A\r\n\r\nB [[1]]", 1).map((block) => block.kind)).toEqual(["markdown", "gapped"]);
  });

  it("names the blanks for the review", () => {
    expect(clozeTextWithBlanks("x [[1]] y [[12]]")).toBe("x **(blank 1)** y **(blank 12)**");
  });
});

describe("reordering", () => {
  it("moves an item up, down and clamps at the ends", () => {
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 9)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 5, 0)).toEqual(["a", "b", "c"]);
  });

  it("shows the saved order, dropping unknown and repeated ids and appending missing items", () => {
    expect(displayedOrder(["a", "b", "c"], undefined)).toEqual(["a", "b", "c"]);
    expect(displayedOrder(["a", "b", "c"], ["c", "a", "b"])).toEqual(["c", "a", "b"]);
    expect(displayedOrder(["a", "b", "c"], ["c", "x", "c"])).toEqual(["c", "a", "b"]);
  });

  it("drops a dragged item below the middles above the pointer", () => {
    expect(dropIndex([10, 30, 50], 5)).toBe(0);
    expect(dropIndex([10, 30, 50], 31)).toBe(2);
    expect(dropIndex([10, 30, 50], 99)).toBe(3);
  });
});

describe("wordCount", () => {
  it("counts words, not Markdown marks", () => {
    expect(wordCount("")).toBe(0);
    expect(wordCount("  **Bold** claim -\n\n- one item, don't stop 3.5 ")).toBe(7);
  });
});

describe("dataReviewOf", () => {
  it("matching: each prompt with the answer given and the right one", () => {
    const data = {
      kind: "matching",
      prompts: [
        { id: id(1), text: "Dog", answerId: id(11) },
        { id: id(2), text: "Cat", answerId: id(12) },
        { id: id(3), text: "Cow", answerId: id(13) },
      ],
      answers: [
        { id: id(11), text: "Bark" },
        { id: id(12), text: "Meow" },
        { id: id(13), text: "Moo" },
      ],
    };
    expect(dataReviewOf("matching", data, { matches: { [id(1)]: id(11), [id(2)]: id(13) } })).toEqual({
      kind: "matching",
      prompts: [
        { id: id(1), text: "Dog", givenAnswer: "Bark", rightAnswer: "Bark", correct: true },
        { id: id(2), text: "Cat", givenAnswer: "Moo", rightAnswer: "Meow", correct: false },
        { id: id(3), text: "Cow", givenAnswer: null, rightAnswer: "Moo", correct: false },
      ],
    });
  });

  it("ordering: the order given with the items in place marked, beside the right order", () => {
    const items = [id(1), id(2), id(3)].map((itemId, index) => ({ id: itemId, text: `Item ${index + 1}` }));
    expect(dataReviewOf("ordering", { kind: "ordering", items }, { order: [id(1), id(3), id(2)] })).toEqual({
      kind: "ordering",
      given: [
        { id: id(1), text: "Item 1", inPlace: true },
        { id: id(3), text: "Item 3", inPlace: false },
        { id: id(2), text: "Item 2", inPlace: false },
      ],
      right: items,
    });
    expect(dataReviewOf("ordering", { kind: "ordering", items }, null)).toMatchObject({ given: [] });
  });

  it("cloze: each blank's answer, the accepted ones and its points", () => {
    const data = {
      kind: "cloze",
      gaps: [
        { kind: "short_answer", points: 1, answers: [{ text: "Paris", weight: 100 }, { text: "Lyon", weight: 0 }] },
        { kind: "numeric", points: 2, answers: [{ value: 3.14, tolerance: 0.01, weight: 100 }, { value: 3, tolerance: 0, weight: 50 }] },
        { kind: "dropdown", points: 1, options: [{ id: id(21), text: "red", weight: 0 }, { id: id(22), text: "blue", weight: 100 }] },
      ],
    };
    expect(dataReviewOf("cloze", data, { gaps: ["paris", "3", id(21)] })).toEqual({
      kind: "cloze",
      blanks: [
        { number: 1, kind: "short_answer", given: "paris", accepted: ["Paris"], pointsAwarded: 1, points: 1 },
        { number: 2, kind: "numeric", given: "3", accepted: ["3.14 (± 0.01)", "3 (50%)"], pointsAwarded: 1, points: 2 },
        { number: 3, kind: "dropdown", given: "red", accepted: ["blue"], pointsAwarded: 0, points: 1 },
      ],
    });
  });

  it("reads nothing for malformed data or the types reviewed from the columns", () => {
    expect(dataReviewOf("matching", { kind: "matching" }, null)).toBeNull();
    expect(dataReviewOf("short_answer", null, { text: "x" })).toBeNull();
    expect(dataReviewOf("essay", { kind: "essay", graderInfo: "" }, { text: "x" })).toBeNull();
  });
});
