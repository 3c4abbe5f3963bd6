import { describe, expect, it } from "vitest";
import { portableToContent } from "@/lib/question-bank/import/portable-to-content";
import type { PortableQuestion } from "@/lib/question-formats/portable-question";
import { readQuestionData } from "@/lib/quizzes/question-data";

const base = { name: "Q", text: "Text", points: 2, explanation: "", category: [], tags: [] };
const convert = (question: PortableQuestion) => portableToContent(question);

describe("importing the kinds kept in a version's data", () => {
  it("keeps a matching question's pairs, sharing one answer between prompts that give the same one, and its distractors", () => {
    const result = convert({ ...base, type: "matching", pairs: [{ prompt: "Force", answer: "newton" }, { prompt: "Work", answer: "joule" }, { prompt: "Energy", answer: "Joule" }], distractors: ["watt", "newton"] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const data = readQuestionData("matching", result.content.data)!;
    expect(data.answers.map((answer) => answer.text)).toEqual(["newton", "joule", "watt"]);
    expect(data.prompts[1]!.answerId).toBe(data.prompts[2]!.answerId);
    expect(new Set([...data.prompts, ...data.answers].map((row) => row.id)).size).toBe(6);
  });

  it("refuses a matching question of one pair or with an empty side", () => {
    expect(convert({ ...base, type: "matching", pairs: [{ prompt: "a", answer: "b" }], distractors: [] })).toEqual({ ok: false, reason: "A matching question needs at least two pairs." });
    expect(convert({ ...base, type: "matching", pairs: [{ prompt: "a", answer: "b" }, { prompt: " ", answer: "c" }], distractors: [] })).toEqual({ ok: false, reason: "A pair has no prompt or no answer." });
  });

  it("keeps an ordering question's items in their order, and refuses fewer than two", () => {
    const result = convert({ ...base, type: "ordering", items: ["one", "two", "three"] });
    expect(result.ok && readQuestionData("ordering", result.content.data)!.items.map((item) => item.text)).toEqual(["one", "two", "three"]);
    expect(convert({ ...base, type: "ordering", items: ["one"] })).toEqual({ ok: false, reason: "An ordering question needs at least two items." });
  });

  it("keeps a cloze question's blanks with their weights, and says what it drops", () => {
    const result = convert({
      ...base,
      type: "cloze",
      text: "A [[1]] and B [[2]].",
      gaps: [
        { kind: "short_answer", points: 1.4, answers: [{ text: "x", weight: 100, feedback: "Well done" }, { text: "y", weight: 50, feedback: "" }] },
        { kind: "dropdown", points: 2, choices: [{ text: "p", weight: 0, feedback: "" }, { text: "q", weight: 100, feedback: "" }] },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(readQuestionData("cloze", result.content.data)!.gaps).toMatchObject([
      { kind: "short_answer", points: 1, answers: [{ text: "x", weight: 100 }, { text: "y", weight: 50 }] },
      { kind: "dropdown", points: 2, options: [{ text: "p", weight: 0 }, { text: "q", weight: 100 }] },
    ]);
    expect(result.notes).toEqual(["Blank 1 is worth 1 point (whole numbers from 1).", "Feedback on the blanks' answers is not kept."]);
  });

  it("refuses a cloze question whose markers and blanks disagree, or a blank nobody can get right", () => {
    const gap = { kind: "short_answer" as const, points: 1, answers: [{ text: "x", weight: 100, feedback: "" }] };
    expect(convert({ ...base, type: "cloze", text: "A [[1]] and [[2]]", gaps: [gap] })).toEqual({ ok: false, reason: "The blanks in the text do not match the blanks described." });
    expect(convert({ ...base, type: "cloze", text: "A [[2]]", gaps: [gap] })).toEqual({ ok: false, reason: "The blanks in the text do not match the blanks described." });
    expect(convert({ ...base, type: "cloze", text: "A [[1]]", gaps: [{ ...gap, answers: [{ text: "x", weight: 50, feedback: "" }] }] })).toEqual({ ok: false, reason: "Blank 1 has no answer that earns full marks." });
  });

  it("keeps an essay's guidance for graders", () => {
    const result = convert({ ...base, type: "essay", graderInfo: "Look for a thesis." });
    expect(result.ok && result.content).toMatchObject({ type: "essay", data: { kind: "essay", graderInfo: "Look for a thesis." } });
  });
});
