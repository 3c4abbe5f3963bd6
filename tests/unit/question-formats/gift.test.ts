import { describe, expect, it } from "vitest";
import { exportGift } from "@/lib/question-formats/gift/export-gift";
import { parseGift } from "@/lib/question-formats/gift/parse-gift";
import type { PortableQuestion } from "@/lib/question-formats/portable-question";

const one = (text: string) => {
  const result = parseGift(text);
  expect(result.problems).toEqual([]);
  expect(result.questions).toHaveLength(1);
  return result.questions[0]!;
};

describe("parseGift", () => {
  it("reads every kind Moodle's GIFT documentation lists", () => {
    expect(one("::Q1:: Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}")).toMatchObject({
      name: "Q1",
      text: "Who's buried in Grant's tomb?",
      type: "single_choice",
      choices: [
        { text: "Grant", weight: 0 },
        { text: "Jefferson", weight: 0 },
        { text: "no one", weight: 100 },
      ],
    });
    expect(one("Grant was buried in a tomb in New York City.{T}")).toMatchObject({ type: "true_false", answer: true });
    expect(one("The sun rises in the west.{FALSE#No, in the east.#Right.}")).toMatchObject({ type: "true_false", answer: false, feedbackTrue: "No, in the east.", feedbackFalse: "Right." });
    expect(one("Two plus two? {=four =4 =%50%for}")).toMatchObject({
      type: "short_answer",
      answers: [
        { text: "four", weight: 100 },
        { text: "4", weight: 100 },
        { text: "for", weight: 50 },
      ],
    });
    expect(one("When was Ulysses S. Grant born?{#1822:5}")).toMatchObject({ type: "numeric", answers: [{ value: 1822, tolerance: 5, weight: 100 }] });
    expect(one("What is pi to three decimal places? {#3.141..3.142}").type).toBe("numeric");
    const range = one("Pi? {#3.141..3.143}") as Extract<PortableQuestion, { type: "numeric" }>;
    expect(range.answers[0]!.value).toBeCloseTo(3.142);
    expect(range.answers[0]!.tolerance).toBeCloseTo(0.001);
    expect(one("When was Grant born? {# =1822:0 =%50%1822:2}")).toMatchObject({
      answers: [
        { value: 1822, tolerance: 0, weight: 100 },
        { value: 1822, tolerance: 2, weight: 50 },
      ],
    });
    expect(one("Match the following countries with their capitals. {=Canada -> Ottawa =Italy -> Rome =Japan -> Tokyo = -> Paris}")).toMatchObject({
      type: "matching",
      pairs: [
        { prompt: "Canada", answer: "Ottawa" },
        { prompt: "Italy", answer: "Rome" },
        { prompt: "Japan", answer: "Tokyo" },
      ],
      distractors: ["Paris"],
    });
    expect(one("Write a short biography of Dag Hammarskjöld. {}")).toMatchObject({ type: "essay" });
    expect(one("What two people are entombed in Grant's tomb? {~%-100%No one ~%50%Grant ~%50%Grant's wife ~%-100%Grant's father}")).toMatchObject({
      type: "multiple_choice",
      choices: [{ weight: -100 }, { weight: 50 }, { weight: 50 }, { weight: -100 }],
    });
  });

  it("reads a missing word as a gap in the text, with the spacing around it", () => {
    expect(one("Moodle costs {~lots of money =nothing ~a small amount} to download from moodle.org.")).toMatchObject({
      type: "cloze",
      text: "Moodle costs [[1]] to download from moodle.org.",
      gaps: [{ kind: "dropdown", choices: [{ text: "lots of money" }, { text: "nothing", weight: 100 }, { text: "a small amount" }] }],
    });
    expect(one("The capital of France is {=Paris}.")).toMatchObject({ type: "cloze", text: "The capital of France is [[1]].", gaps: [{ kind: "short_answer" }] });
  });

  it("keeps feedback, general feedback, categories, tags and text formats", () => {
    const result = parseGift(`$CATEGORY: $course$/top/Physics/Kinematics

// [tag:easy] [tag:chapter 2]
::Speed::[html]<p>The <b>SI</b> unit of speed?</p>{=m/s#Right ~km/h#Not SI ####Metres per second.}

$CATEGORY: Waves

::Plain::[plain]Stars *twinkle*? {T}`);
    expect(result.problems).toEqual([]);
    expect(result.questions[0]).toMatchObject({
      category: ["Physics", "Kinematics"],
      tags: ["easy", "chapter 2"],
      text: "The **SI** unit of speed?",
      explanation: "Metres per second.",
      choices: [
        { text: "m/s", feedback: "Right" },
        { text: "km/h", feedback: "Not SI" },
      ],
    });
    expect(result.questions[1]).toMatchObject({ category: ["Waves"], text: "Stars \\*twinkle\\*?" });
  });

  it("reads escaped characters and math as written", () => {
    expect(one("Which is true: 1 \\= 1 \\{set\\} \\~tilde\\: and \\\\(x^2\\\\)? {=yes \\# no ~no}")).toMatchObject({
      text: "Which is true: 1 = 1 {set} ~tilde: and \\(x^2\\)?",
      choices: [{ text: "yes # no" }, { text: "no" }],
    });
    expect(one("Line one\\nline two {T}").text).toBe("Line one\nline two");
  });

  it("reports each unreadable question with the line it starts on, and reads on", () => {
    const result = parseGift(`::Good:: 1 + 1? {=2 ~3}

::Open:: Never closed {=yes ~no

Just words, a description.

::Bad number:: Pi? {#three}

::One pair:: Match {=a -> b}

::No right:: Pick {~a ~b}

::Weights:: Pick {~%30%a ~%30%b ~c}

::After:: Still read? {T}`);
    expect(result.questions.map((q) => q.name)).toEqual(["Good", "After"]);
    expect(result.problems).toEqual([
      { line: 3, message: "The answers' opening brace { is never closed with }." },
      { line: 5, message: expect.stringContaining("descriptions are not questions") },
      { line: 7, message: expect.stringContaining("is not a number") },
      { line: 9, message: "A matching question needs at least two pairs." },
      { line: 11, message: expect.stringContaining("add up to 0%") },
      { line: 13, message: expect.stringContaining("add up to 60%") },
    ]);
  });

  it("never throws, whatever the input", () => {
    for (const input of ["", "\uFEFF", "\u0000{}", "}}}{{{", "::", "{#}", "{=}", "x".repeat(200_000), "a {T}\r\n\r\nb {F}", "{->}", "{=a -> }"]) {
      expect(() => parseGift(input)).not.toThrow();
    }
    expect(parseGift("a {T}\r\n\r\nb {F}").questions).toHaveLength(2);
    expect(parseGift("\uFEFF::x:: y {T}").questions[0]!.name).toBe("x");
  });
});

describe("exportGift", () => {
  const questions: PortableQuestion[] = [
    { type: "single_choice", name: "Speed", text: "The unit {of} speed = ?", points: 1, explanation: "m/s # SI", category: ["Physics", "Kinematics"], tags: ["easy"], choices: [{ text: "m/s", weight: 100, feedback: "Yes" }, { text: "km:h", weight: 0, feedback: "" }, { text: "near", weight: 50, feedback: "" }] },
    { type: "multiple_choice", name: "Primes", text: "Primes \\(p\\)?", points: 1, explanation: "", category: ["Physics"], tags: [], choices: [{ text: "2", weight: 50, feedback: "" }, { text: "3", weight: 50, feedback: "" }, { text: "4", weight: -100, feedback: "Even" }] },
    { type: "true_false", name: "", text: "Light is fast.", points: 1, explanation: "", category: [], tags: ["a", "b"], answer: true, feedbackTrue: "Yes", feedbackFalse: "It is" },
    { type: "short_answer", name: "Unit", text: "Force unit?", points: 1, explanation: "", category: [], tags: [], answers: [{ text: "newton", weight: 100, feedback: "" }, { text: "N", weight: 50, feedback: "short" }] },
    { type: "numeric", name: "g", text: "g?", points: 1, explanation: "", category: [], tags: [], answers: [{ value: 9.81, tolerance: 0.05, weight: 100, feedback: "" }] },
    { type: "matching", name: "Match", text: "Match.", points: 1, explanation: "", category: [], tags: [], pairs: [{ prompt: "Force", answer: "newton" }, { prompt: "Energy", answer: "joule" }], distractors: ["watt"] },
    { type: "essay", name: "Essay", text: "Explain.", points: 1, explanation: "", category: [], tags: [], graderInfo: "" },
    { type: "cloze", name: "Gap", text: "The cat [[1]].", points: 1, explanation: "", category: [], tags: [], gaps: [{ kind: "dropdown", points: 1, choices: [{ text: "sat", weight: 100, feedback: "" }, { text: "flew", weight: 0, feedback: "" }] }] },
  ];

  it("writes every kind GIFT can say, and reads back the same questions", () => {
    const { text, skipped } = exportGift(questions);
    expect(skipped).toEqual([]);
    expect(text).toContain("$CATEGORY: $course$/top/Physics/Kinematics");
    expect(text).toContain("// [tag:easy]");
    expect(parseGift(text)).toEqual({ questions, problems: [], files: [] });
  });

  it("leaves out what GIFT cannot say, and says which", () => {
    const { skipped } = exportGift([
      { type: "ordering", name: "", text: "Order", points: 1, explanation: "", category: [], tags: [], items: ["a", "b"] },
      { type: "cloze", name: "", text: "[[1]] and [[2]]", points: 2, explanation: "", category: [], tags: [], gaps: [{ kind: "short_answer", points: 1, answers: [{ text: "a", weight: 100, feedback: "" }] }, { kind: "short_answer", points: 1, answers: [{ text: "b", weight: 100, feedback: "" }] }] },
    ]);
    expect(skipped.map((skip) => skip.index)).toEqual([0, 1]);
  });
});
