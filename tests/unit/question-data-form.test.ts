import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bankQuestionFormSchema } from "@/lib/question-bank/schemas";
import { dataFieldValues, draftOfStored } from "@/lib/quizzes/authoring/question-data-fields";
import { storedQuestionData } from "@/lib/quizzes/authoring/question-data-form";
import { questionSchema } from "@/lib/quizzes/authoring/schemas";
import { questionScoreChanged, type ScoredQuestion } from "@/lib/quizzes/authoring/score-changes";
import { readQuestionData } from "@/lib/quizzes/question-data";

/** The field paths a failed parse complains about, with their first message. */
function errorsOf(input: Record<string, unknown>) {
  const result = questionSchema.safeParse(input);
  expect(result.success).toBe(false);
  const errors: Record<string, string> = {};
  for (const issue of result.error!.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

const pair = (prompt: string, answer: string) => ({ prompt, answer });
const matching = {
  type: "matching" as const,
  text: "Match each country with its capital.",
  points: 3,
  matchingPairs: [pair("France", "Paris"), pair("Italy", "Rome"), pair("Vatican", "rome")],
  matchingDistractors: [{ text: "Madrid" }],
};
const ordering = { type: "ordering" as const, text: "Smallest first.", points: 2, orderingItems: [{ text: "1" }, { text: "10" }, { text: "100" }] };
const gap = (kind: "short_answer" | "numeric" | "dropdown", rest: Record<string, unknown>) => ({ kind, points: 1, ...rest });
const cloze = {
  type: "cloze" as const,
  text: "The capital of France is [[1]]; 2 + 2 = [[2]]; the sky is [[3]].",
  points: 3,
  clozeGaps: [
    gap("short_answer", { answers: [{ text: "Paris", weight: 100 }, { text: "Lutetia", weight: 50 }] }),
    gap("numeric", { points: 2, numbers: [{ value: 4, tolerance: 0, weight: 100 }] }),
    gap("dropdown", { options: [{ text: "blue", weight: 100 }, { text: "green", weight: 0 }] }),
  ],
};
const essay = { type: "essay" as const, text: "Discuss.", points: 10, graderInfo: "  Look for two arguments. " };

describe("the four data kinds in the question form's schema", () => {
  it("accept a valid question of each kind and keep only that kind's draft", () => {
    expect(questionSchema.parse(matching)).toMatchObject({
      type: "matching",
      choices: [],
      data: {
        kind: "matching",
        pairs: [
          { promptId: null, prompt: "France", answerId: null, answer: "Paris" },
          { promptId: null, prompt: "Italy", answerId: null, answer: "Rome" },
          { promptId: null, prompt: "Vatican", answerId: null, answer: "rome" },
        ],
        distractors: [{ id: null, text: "Madrid" }],
      },
    });
    expect(questionSchema.parse(ordering).data).toEqual({ kind: "ordering", items: [{ id: null, text: "1" }, { id: null, text: "10" }, { id: null, text: "100" }] });
    expect(questionSchema.parse(cloze).data).toEqual({
      kind: "cloze",
      gaps: [
        { kind: "short_answer", points: 1, answers: [{ text: "Paris", weight: 100 }, { text: "Lutetia", weight: 50 }] },
        { kind: "numeric", points: 2, answers: [{ value: 4, tolerance: 0, weight: 100 }] },
        { kind: "dropdown", points: 1, options: [{ id: null, text: "blue", weight: 100 }, { id: null, text: "green", weight: 0 }] },
      ],
    });
    expect(questionSchema.parse(essay).data).toEqual({ kind: "essay", graderInfo: "Look for two arguments." });
    // Other kinds carry no data, and the data kinds' fields are ignored for them.
    const single = questionSchema.parse({ ...matching, type: "single_choice", choices: [{ text: "A", isCorrect: true }, { text: "B" }] });
    expect(single.data).toBeUndefined();
    expect(questionSchema.parse({ type: "numeric", text: "Q", points: 1, numericValue: 1, orderingItems: [{ text: "" }] }).data).toBeUndefined();
  });

  it.each([
    ["one pair", { ...matching, matchingPairs: [pair("France", "Paris")] }, "matchingPairs", "Add at least two pairs."],
    ["a pair without prompt", { ...matching, matchingPairs: [pair("", "Paris"), pair("Italy", "Rome")] }, "matchingPairs.0.prompt", "Write the prompt, or remove the pair."],
    ["a pair without answer", { ...matching, matchingPairs: [pair("France", " "), pair("Italy", "Rome")] }, "matchingPairs.0.answer", "Write the matching answer, or remove the pair."],
    ["a repeated prompt", { ...matching, matchingPairs: [pair("France", "Paris"), pair("france", "Rome")] }, "matchingPairs.1.prompt", "Another pair has the same prompt; students could not tell them apart."],
    ["a distractor that is a right answer", { ...matching, matchingDistractors: [{ text: "PARIS" }] }, "matchingDistractors.0.text", "This is already a right answer of a pair; write a different distractor."],
    ["an empty distractor", { ...matching, matchingDistractors: [{ text: "" }] }, "matchingDistractors.0.text", "Write the distractor, or remove it."],
    ["a repeated distractor", { ...matching, matchingDistractors: [{ text: "Madrid" }, { text: "madrid" }] }, "matchingDistractors.1.text", "Another distractor has the same text."],
    ["a forged id", { ...matching, matchingPairs: [{ ...pair("France", "Paris"), promptId: "x" }, pair("Italy", "Rome")] }, "matchingPairs.0.promptId", "This row no longer exists. Reload the page."],
    ["one item", { ...ordering, orderingItems: [{ text: "1" }] }, "orderingItems", "Add at least two items."],
    ["an empty item", { ...ordering, orderingItems: [{ text: "1" }, { text: "" }] }, "orderingItems.1.text", "Write the item, or remove it."],
    ["a repeated item", { ...ordering, orderingItems: [{ text: "1" }, { text: "1" }] }, "orderingItems.1.text", "Another item has the same text; students could not tell them apart."],
    ["no blank", { ...cloze, text: "No blanks.", clozeGaps: [] }, "clozeGaps", "Add at least one blank, and write [[1]] in the text where it goes."],
    ["a marker without a blank", { ...cloze, text: `${cloze.text} [[4]]` }, "text", "The text has [[4]] but only 3 blanks are described."],
    ["a blank not in the text", { ...cloze, text: "The capital of France is [[1]]; 2 + 2 = [[2]]." }, "clozeGaps.2", "Blank 3 is not in the text; write [[3]] where it goes."],
    ["a marker twice", { ...cloze, text: `${cloze.text} [[2]]` }, "text", "The text has [[2]] more than once; each blank goes in one place."],
    ["markers out of order", { ...cloze, text: "[[2]] [[1]] [[3]]" }, "text", "The blanks must appear in order: [[1]] first, then [[2]], and so on."],
    ["a blank without full marks", { ...cloze, clozeGaps: [cloze.clozeGaps[0], gap("numeric", { numbers: [{ value: 4, tolerance: 0, weight: 50 }] }), cloze.clozeGaps[2]] }, "clozeGaps.1.numbers", "Blank 2 has no answer that earns full marks."],
    ["a typed blank without answers", { ...cloze, clozeGaps: [gap("short_answer", { answers: [] }), cloze.clozeGaps[1], cloze.clozeGaps[2]] }, "clozeGaps.0.answers", "Add an accepted answer for blank 1."],
    ["an empty accepted answer", { ...cloze, clozeGaps: [gap("short_answer", { answers: [{ text: "", weight: 100 }] }), cloze.clozeGaps[1], cloze.clozeGaps[2]] }, "clozeGaps.0.answers.0.text", "Write the accepted answer, or remove it."],
    ["a number left empty", { ...cloze, clozeGaps: [cloze.clozeGaps[0], gap("numeric", { numbers: [{ value: "", weight: 100 }] }), cloze.clozeGaps[2]] }, "clozeGaps.1.numbers.0.value", "Enter the value, or remove it."],
    ["a dropdown with one option", { ...cloze, clozeGaps: [cloze.clozeGaps[0], cloze.clozeGaps[1], gap("dropdown", { options: [{ text: "blue", weight: 100 }] })] }, "clozeGaps.2.options", "Give blank 3 at least two options."],
    ["a weight out of range", { ...cloze, clozeGaps: [gap("short_answer", { answers: [{ text: "Paris", weight: 150 }] }), cloze.clozeGaps[1], cloze.clozeGaps[2]] }, "clozeGaps.0.answers.0.weight", "Enter the share of the blank's points, from -100 to 100 (%)."],
    ["blank points of zero", { ...cloze, clozeGaps: [{ ...cloze.clozeGaps[0], points: 0 }, cloze.clozeGaps[1], cloze.clozeGaps[2]] }, "clozeGaps.0.points", "Enter the blank's points as a whole number from 1 to 1000."],
    ["a long grader note", { ...essay, graderInfo: "x".repeat(5001) }, "graderInfo", "The information for graders has at most 5000 characters."],
  ])("refuse %s", (_, input, path, message) => {
    expect(errorsOf(input as Record<string, unknown>)[path]).toBe(message);
  });

  it("are the bank form's and the API's fields too", () => {
    expect(bankQuestionFormSchema.parse({ ...ordering, name: "Powers", tags: "maths" })).toMatchObject({ meta: { name: "Powers", tags: ["maths"] }, question: { data: { kind: "ordering" } } });
  });
});

describe("storedQuestionData", () => {
  const draftOf = (input: Record<string, unknown>) => questionSchema.parse(input).data;

  it("gives new rows ids, shares one answer between prompts with the same answer, and stores what the schemas read", () => {
    const stored = storedQuestionData("matching", draftOf(matching), null);
    expect(readQuestionData("matching", stored)).toEqual(stored);
    const answers = stored?.kind === "matching" ? stored.answers : [];
    expect(answers.map((answer) => answer.text)).toEqual(["Paris", "Rome", "Madrid"]);
    const prompts = stored?.kind === "matching" ? stored.prompts : [];
    expect(prompts[1]!.answerId).toBe(prompts[2]!.answerId);
    expect(storedQuestionData("essay", draftOf(essay), null)).toEqual({ kind: "essay", graderInfo: "Look for two arguments." });
    expect(storedQuestionData("single_choice", undefined, null)).toBeNull();
  });

  it("keeps the ids the previous version had, and only those", () => {
    const before = storedQuestionData("cloze", draftOf(cloze), null)!;
    const fields = dataFieldValues(draftOfStored("cloze", before));
    const kept = fields.clozeGaps![2]!.options!;
    const foreign = randomUUID();
    const edited = { ...cloze, clozeGaps: [cloze.clozeGaps[0], cloze.clozeGaps[1], gap("dropdown", { options: [...kept, { id: foreign, text: "grey", weight: 0 }] })] };
    const after = storedQuestionData("cloze", draftOf(edited), before);
    const ids = (data: unknown) => (readQuestionData("cloze", data)!.gaps[2] as { options: { id: string }[] }).options.map((option) => option.id);
    expect(ids(after).slice(0, 2)).toEqual(ids(before));
    expect(ids(after)[2]).not.toBe(foreign);

    const order = storedQuestionData("ordering", draftOf(ordering), null)!;
    const items = dataFieldValues(draftOfStored("ordering", order)).orderingItems!;
    const reversed = storedQuestionData("ordering", draftOf({ ...ordering, orderingItems: [...items].reverse() }), order);
    expect(reversed).toEqual({ kind: "ordering", items: [...(order as { items: unknown[] }).items].reverse() });
    // A copy (no previous version) gets ids of its own.
    expect(storedQuestionData("ordering", order, null)).not.toEqual(order);
  });

  it("refuses content that is not the type's", () => {
    expect(() => storedQuestionData("ordering", { kind: "essay", graderInfo: "" }, null)).toThrow("could not be read");
    expect(() => storedQuestionData("ordering", { kind: "ordering", items: [{ id: null, text: "only one" }] }, null)).toThrow("could not be read");
    expect(() => storedQuestionData("cloze", undefined, null)).toThrow("could not be read");
  });
});

describe("questionScoreChanged for data", () => {
  const base = (data: unknown): ScoredQuestion => ({ type: "ordering", points: 2, choices: [], acceptedAnswers: [], numericValue: null, numericTolerance: 0, data });
  const order = storedQuestionData("ordering", questionSchema.parse(ordering).data, null)!;
  const items = (order as { items: { id: string; text: string }[] }).items;

  it("sees a new order or a changed blank, not a reworded item or grader note", () => {
    expect(questionScoreChanged(base(order), base({ ...order, items: items.map((item) => ({ ...item, text: `${item.text}!` })) }))).toBe(false);
    expect(questionScoreChanged(base(order), base({ ...order, items: [...items].reverse() }))).toBe(true);
    const essayQuestion = { ...base({ kind: "essay", graderInfo: "a" }), type: "essay" as const };
    expect(questionScoreChanged(essayQuestion, { ...essayQuestion, data: { kind: "essay", graderInfo: "b" } })).toBe(false);
    const blank = storedQuestionData("cloze", questionSchema.parse(cloze).data, null)!;
    const clozeQuestion = { ...base(blank), type: "cloze" as const };
    const gaps = (blank as { gaps: Record<string, unknown>[] }).gaps;
    expect(questionScoreChanged(clozeQuestion, { ...clozeQuestion, data: { ...blank, gaps: [{ ...gaps[0], points: 5 }, gaps[1], gaps[2]] } })).toBe(true);
  });
});
