import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { escapeGift } from "@/lib/question-formats/gift/escape-gift";
import { exportGift } from "@/lib/question-formats/gift/export-gift";
import { parseGift } from "@/lib/question-formats/gift/parse-gift";
import type { PortableChoice, PortableQuestion } from "@/lib/question-formats/portable-question";

const sample = (name: string) => readFileSync(path.join(__dirname, "samples/gift", name), "utf8");

const base = { name: "", points: 1, explanation: "", category: [] as string[], tags: [] as string[] };

/** Exports and reads back, failing the test when anything was skipped or reported. */
function roundTrip(questions: PortableQuestion[]): PortableQuestion[] {
  const exported = exportGift(questions);
  expect(exported.skipped).toEqual([]);
  const read = parseGift(exported.text);
  expect(read.problems).toEqual([]);
  return read.questions;
}

const choice = (text: string, weight: number, feedback = ""): PortableChoice => ({ text, weight, feedback });

/** One question of every type GIFT can express, each field filled. */
const everyType: PortableQuestion[] = [
  {
    ...base,
    name: "Grant's tomb",
    text: "Who is buried in Grant's tomb?",
    explanation: "Grant and his wife lie above ground.",
    category: ["History", "US presidents"],
    tags: ["grant", "week 1"],
    type: "single_choice",
    choices: [choice("Grant", 0, "He is entombed, not buried."), choice("no one", 100, "Right."), choice("Grant's wife", 50), choice("Jefferson", -25, "Wrong tomb.")],
  },
  {
    ...base,
    name: "Noble gases",
    text: "Which of these are noble gases?",
    category: ["Chemistry"],
    type: "multiple_choice",
    choices: [choice("Helium", 50, "Yes."), choice("Neon", 50), choice("Hydrogen", -100, "No."), choice("Oxygen", 0)],
  },
  { ...base, name: "Sun", text: "The sun rises in the east.", explanation: "Earth turns eastwards.", type: "true_false", answer: true, feedbackTrue: "Right.", feedbackFalse: "It does rise in the east." },
  { ...base, text: "The moon is a planet.", type: "true_false", answer: false, feedbackTrue: "", feedbackFalse: "Right, it is a moon." },
  { ...base, text: "Is water wet?", type: "true_false", answer: true, feedbackTrue: "", feedbackFalse: "" },
  {
    ...base,
    text: "Name the largest continent.",
    explanation: "Asia covers a third of the land.",
    type: "short_answer",
    answers: [
      { text: "Asia", weight: 100, feedback: "Yes." },
      { text: "Eurasia", weight: 50, feedback: "Half: that joins two." },
      { text: "Africa", weight: 0, feedback: "Second largest." },
    ],
  },
  {
    ...base,
    text: "What is \\(\\pi\\) to two places?",
    type: "numeric",
    answers: [
      { value: 3.14, tolerance: 0.005, weight: 100, feedback: "Yes." },
      { value: 3.1, tolerance: 0.05, weight: 50, feedback: "One place." },
      { value: -2.5e-7, tolerance: 0, weight: 0, feedback: "Odd." },
    ],
  },
  {
    ...base,
    text: "Match the capitals.",
    explanation: "All three are capitals.",
    type: "matching",
    pairs: [
      { prompt: "Canada", answer: "Ottawa" },
      { prompt: "Italy", answer: "Rome" },
      { prompt: "Japan", answer: "Tokyo" },
    ],
    distractors: ["Madrid", "Lisbon"],
  },
  { ...base, text: "Grant is [[1]] in Grant's tomb.", type: "cloze", gaps: [{ kind: "dropdown", points: 1, choices: [choice("buried", 0, "No."), choice("entombed", 100), choice("living", 0)] }] },
  { ...base, text: "[[1]] is the largest continent.", explanation: "By area.", type: "cloze", gaps: [{ kind: "short_answer", points: 1, answers: [{ text: "Asia", weight: 100, feedback: "" }, { text: "asia", weight: 50, feedback: "Capital A." }] }] },
  { ...base, text: "Grant was born in [[1]], in Ohio.", type: "cloze", gaps: [{ kind: "numeric", points: 1, answers: [{ value: 1822, tolerance: 0, weight: 100, feedback: "" }, { value: 1822, tolerance: 2, weight: 50, feedback: "Close." }] }] },
  { ...base, name: "Essay", text: "Describe your favourite experiment.", explanation: "Any honest answer.", type: "essay", graderInfo: "" },
  { ...base, text: "How are you?", type: "essay", graderInfo: "" },
];

describe("exportGift: what it writes", () => {
  it("writes a single choice question as Moodle does, with [markdown], weights, feedback and ####", () => {
    expect(exportGift([everyType[0]!]).text).toBe(
      [
        "$CATEGORY: $course$/top/History/US presidents",
        "",
        "// [tag:grant] [tag:week 1]",
        "::Grant's tomb::[markdown]Who is buried in Grant's tomb?{",
        "\t~Grant#He is entombed, not buried.",
        "\t=no one#Right.",
        "\t~%50%Grant's wife",
        "\t~%-25%Jefferson#Wrong tomb.",
        "\t####Grant and his wife lie above ground.",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("writes multiple choice with ~%weight% only, so Moodle lets the student pick several", () => {
    expect(exportGift([{ ...everyType[1]!, category: [] }]).text).toBe("::Noble gases::[markdown]Which of these are noble gases?{\n\t~%50%Helium#Yes.\n\t~%50%Neon\n\t~%-100%Hydrogen#No.\n\t~Oxygen\n}\n");
  });

  it("writes true/false with Moodle's #wrong#right feedback order", () => {
    const [sun, moon, wet] = everyType.slice(2, 5);
    expect(exportGift([sun!, moon!, wet!]).text).toBe(
      "::Sun::[markdown]The sun rises in the east.{TRUE#It does rise in the east.#Right.####Earth turns eastwards.}\n\n[markdown]The moon is a planet.{FALSE##Right, it is a moon.}\n\n[markdown]Is water wet?{TRUE}\n",
    );
  });

  it("writes short answer, numeric, matching and essay blocks", () => {
    expect(exportGift(everyType.slice(5, 8)).text).toBe(
      [
        "[markdown]Name the largest continent.{",
        "\t=Asia#Yes.",
        "\t=%50%Eurasia#Half\\: that joins two.",
        "\t=%0%Africa#Second largest.",
        "\t####Asia covers a third of the land.",
        "}",
        "",
        "[markdown]What is \\(\\pi\\) to two places?{#",
        "\t=3.14:0.005#Yes.",
        "\t=%50%3.1:0.05#One place.",
        "\t=%0%-2.5e-7:0#Odd.",
        "}",
        "",
        "[markdown]Match the capitals.{",
        "\t=Canada -> Ottawa",
        "\t=Italy -> Rome",
        "\t=Japan -> Tokyo",
        "\t= -> Madrid",
        "\t= -> Lisbon",
        "\t####All three are capitals.",
        "}",
        "",
      ].join("\n"),
    );
    expect(exportGift(everyType.slice(11)).text).toBe("::Essay::[markdown]Describe your favourite experiment.{####Any honest answer.}\n\n[markdown]How are you?{}\n");
  });

  it("writes a cloze question's one gap where it stands, as Moodle's missing word", () => {
    expect(exportGift(everyType.slice(8, 11)).text).toBe(
      "[markdown]Grant is {~buried#No. =entombed ~living} in Grant's tomb.\n\n[markdown]{=Asia =%50%asia#Capital A. ####By area.} is the largest continent.\n\n[markdown]Grant was born in {#=1822:0 =%50%1822:2#Close.}, in Ohio.\n",
    );
  });

  it("writes $CATEGORY: only when the category changes, [] as the course's top", () => {
    const q = (category: string[]): PortableQuestion => ({ ...base, text: "Q", category, type: "true_false", answer: true, feedbackTrue: "", feedbackFalse: "" });
    const text = exportGift([q([]), q(["A"]), q(["A"]), q(["A", "B/C"]), q([])]).text;
    expect(text.split("\n").filter((line) => line.startsWith("$CATEGORY"))).toEqual(["$CATEGORY: $course$/top/A", "$CATEGORY: $course$/top/A/B//C", "$CATEGORY: $course$/top"]);
    expect(text.startsWith("[markdown]Q{TRUE}")).toBe(true);
  });

  it("writes nothing for no questions", () => {
    expect(exportGift([])).toEqual({ text: "", skipped: [] });
  });
});

describe("exportGift: escaping", () => {
  it("escapes ~ = # { } : and newlines, in text, names, answers and feedback", () => {
    const q: PortableQuestion = { ...base, name: "a::b", text: "1 + 2 = {3} ~ # :\nnext", type: "single_choice", choices: [choice("x=1", 100, "{ok} #1"), choice("y~z", 0)] };
    expect(exportGift([q]).text).toBe("::a\\:\\:b::[markdown]1 + 2 \\= \\{3\\} \\~ \\# \\:\\nnext{\n\t=x\\=1#\\{ok\\} \\#1\n\t~y\\~z\n}\n");
  });

  it("doubles a backslash only where it would start an escape, so LaTeX stays readable", () => {
    expect(escapeGift("\\(x^2\\) \\[y\\] $$z$$")).toBe("\\(x^2\\) \\[y\\] $$z$$");
    expect(escapeGift("\\frac{1}{2}")).toBe("\\frac\\{1\\}\\{2\\}");
    expect(escapeGift("\\{1, 2\\}")).toBe("\\\\\\{1, 2\\\\\\}");
    expect(escapeGift("1 \\neq 2")).toBe("1 \\\\neq 2");
    expect(escapeGift("a \\\\ b")).toBe("a \\\\\\ b");
    expect(escapeGift("ends with \\")).toBe("ends with \\\\");
    expect(escapeGift("\\\nnext")).toBe("\\\\\\nnext");
    expect(escapeGift("a\r\nb\rc")).toBe("a\\nb\\nc");
  });

  it("writes what Moodle's own unescaping reads back to the same text", () => {
    // qformat_gift::escapedchar_pre then escapedchar_post, as Moodle runs them.
    const moodleReads = (gift: string) =>
      gift
        .replaceAll("\\\\", "&&092;")
        .replaceAll("\\:", ":")
        .replaceAll("\\#", "#")
        .replaceAll("\\=", "=")
        .replaceAll("\\{", "{")
        .replaceAll("\\}", "}")
        .replaceAll("\\~", "~")
        .replaceAll("\\n", "\n")
        .replaceAll("&&092;", "\\");
    const alphabet = ["\\", "n", "{", "}", "=", "~", "#", ":", "\n", "(", "a", " ", "\\n", "\\\\"];
    let seed = 3;
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: 12 }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return alphabet[seed % alphabet.length];
      }).join("");
      expect(moodleReads(escapeGift(text))).toBe(text);
    }
  });

  it("marks a text that starts like a format marker, and a choice text that starts like a weight", () => {
    const q: PortableQuestion = { ...base, text: "[html] is a tag", type: "single_choice", choices: [choice("[plain]x", 100, "[html]y"), choice("%50%z", 0), choice("%25%w", 100)] };
    expect(exportGift([q]).text).toBe("[markdown][html] is a tag{\n\t=[markdown][plain]x#[markdown][html]y\n\t~%0%%50%z\n\t=%25%w\n}\n");
  });
});

describe("exportGift: what it skips", () => {
  const skippedReason = (question: PortableQuestion) => {
    const result = exportGift([question]);
    expect(result.text).toBe("");
    return result.skipped.map((s) => `${s.index}: ${s.reason}`);
  };

  it("reports skipped questions by their index and goes on", () => {
    const ordering: PortableQuestion = { ...base, text: "Order these.", type: "ordering", items: ["a", "b"] };
    const result = exportGift([everyType[2]!, ordering, everyType[3]!, ordering]);
    expect(result.skipped).toEqual([
      { index: 1, reason: "GIFT has no ordering question." },
      { index: 3, reason: "GIFT has no ordering question." },
    ]);
    expect(parseGift(result.text).questions).toHaveLength(2);
  });

  it("skips a cloze question unless it has exactly one dropdown, short answer or numeric gap with text around it", () => {
    const gap = { kind: "short_answer" as const, points: 1, answers: [{ text: "x", weight: 100, feedback: "" }] };
    expect(skippedReason({ ...base, text: "A [[1]] and [[2]].", type: "cloze", gaps: [gap, gap] })).toEqual(["0: GIFT holds a fill-in-the-blanks question only with exactly one gap."]);
    expect(skippedReason({ ...base, text: "No marker.", type: "cloze", gaps: [gap] })).toEqual(["0: GIFT holds a fill-in-the-blanks question only with exactly one gap."]);
    expect(skippedReason({ ...base, text: "Twice [[1]] [[1]].", type: "cloze", gaps: [gap] })).toEqual(["0: GIFT holds a fill-in-the-blanks question only with exactly one gap."]);
    expect(skippedReason({ ...base, text: " [[1]] ", type: "cloze", gaps: [gap] })).toEqual(["0: The question has no text around its gap."]);
    expect(skippedReason({ ...base, text: "A [[1]] b.", type: "cloze", gaps: [{ kind: "dropdown", points: 1, choices: [choice("a", 50), choice("b", 0)] }] })).toEqual(["0: No choice earns full marks."]);
  });

  it("skips choices GIFT cannot read back: no full marks, weights not adding up, too few, empty", () => {
    expect(skippedReason({ ...base, text: "Q", type: "single_choice", choices: [choice("a", 50), choice("b", 0)] })).toEqual(["0: No choice earns full marks."]);
    expect(skippedReason({ ...base, text: "Q", type: "multiple_choice", choices: [choice("a", 40), choice("b", 40)] })).toEqual(["0: The right choices' weights add up to 80%, not 100%."]);
    expect(skippedReason({ ...base, text: "Q", type: "single_choice", choices: [choice("a", 100)] })).toEqual(["0: It has fewer than two choices."]);
    expect(skippedReason({ ...base, text: "Q", type: "single_choice", choices: [choice("a", 100), choice(" ", 0)] })).toEqual(["0: A choice has no text."]);
    expect(skippedReason({ ...base, text: "Q", type: "single_choice", choices: [choice("a", 100), choice("b", -150)] })).toEqual(["0: A choice's weight is outside -100% to 100%."]);
  });

  it("skips short answers GIFT would misread or cannot score, and odd numbers", () => {
    expect(skippedReason({ ...base, text: "Q", type: "short_answer", answers: [{ text: "a -> b", weight: 100, feedback: "" }] })).toEqual(["0: An accepted answer or its feedback contains “->”, which GIFT would read as a matching question."]);
    expect(skippedReason({ ...base, text: "Q", type: "short_answer", answers: [{ text: "a", weight: 50, feedback: "" }] })).toEqual(["0: No accepted answer earns full marks."]);
    expect(skippedReason({ ...base, text: "Q", type: "short_answer", answers: [] })).toEqual(["0: It has no accepted answer."]);
    expect(skippedReason({ ...base, text: "Q", type: "numeric", answers: [{ value: Number.NaN, tolerance: 0, weight: 100, feedback: "" }] })).toEqual(["0: A value or tolerance is not a finite number (or the tolerance is negative)."]);
    expect(skippedReason({ ...base, text: "Q", type: "numeric", answers: [{ value: 1, tolerance: 0, weight: 50, feedback: "" }] })).toEqual(["0: No value earns full marks."]);
  });

  it("skips matching GIFT cannot hold, and questions without text", () => {
    const pairs = [{ prompt: "a", answer: "1" }, { prompt: "b", answer: "2" }];
    expect(skippedReason({ ...base, text: "Q", type: "matching", pairs: [pairs[0]!], distractors: [] })).toEqual(["0: A matching question needs at least two pairs."]);
    expect(skippedReason({ ...base, text: "Q", type: "matching", pairs: [...pairs, { prompt: "x -> y", answer: "3" }], distractors: [] })).toEqual(["0: A prompt contains “->”, which GIFT reads as the end of the prompt."]);
    expect(skippedReason({ ...base, text: "Q", type: "matching", pairs, distractors: [" "] })).toEqual(["0: An answer is empty."]);
    expect(skippedReason({ ...base, text: "  ", type: "essay", graderInfo: "" })).toEqual(["0: The question has no text."]);
  });
});

describe("exportGift then parseGift: round trips", () => {
  it("gives back every type GIFT can express, deep-equal", () => {
    expect(roundTrip(everyType)).toEqual(everyType);
  });

  it("gives back each type alone, with tags, names and categories", () => {
    for (const question of everyType) {
      const dressed = { ...question, name: "A name: with = and {}", tags: ["t1", "with ] bracket"], category: ["Top level", "Sub/level"] };
      expect(roundTrip([dressed])).toEqual([dressed]);
    }
  });

  it("gives back single choice with every choice at full marks, and several = answers", () => {
    const all: PortableQuestion = { ...base, text: "All right", type: "single_choice", choices: [choice("a", 100), choice("b", 100), choice("c", 100)] };
    const two: PortableQuestion = { ...base, text: "Two right", type: "single_choice", choices: [choice("a", 100), choice("b", 100), choice("c", 0)] };
    expect(roundTrip([all, two])).toEqual([all, two]);
  });

  it("gives back multiple choice weights as the bank writes them (thirds)", () => {
    const third = 33.33333;
    const q: PortableQuestion = { ...base, text: "Thirds", type: "multiple_choice", choices: [choice("a", third), choice("b", third), choice("c", third), choice("d", 0)] };
    expect(roundTrip([q])).toEqual([q]);
  });

  it("gives back text full of GIFT's special characters and LaTeX", () => {
    const tricky = "x = {1, 2} ~ #3: \\(\\frac{1}{2} \\neq \\{a\\}\\) $$\\sum_{i=1}^n i \\\\ j$$ back\\slash end\\";
    const qs: PortableQuestion[] = [
      { ...base, name: tricky, text: `${tricky}\n\nSecond paragraph`, explanation: tricky, type: "single_choice", choices: [choice(tricky, 100, tricky), choice("%50%" + tricky, 0, tricky)] },
      { ...base, text: tricky, type: "true_false", answer: false, feedbackTrue: tricky, feedbackFalse: tricky },
      { ...base, text: tricky, type: "short_answer", answers: [{ text: tricky, weight: 100, feedback: tricky }] },
      { ...base, text: tricky, type: "numeric", answers: [{ value: 1, tolerance: 0, weight: 100, feedback: tricky }] },
      { ...base, text: tricky, type: "matching", pairs: [{ prompt: tricky, answer: tricky }, { prompt: "b", answer: tricky }], distractors: [tricky] },
      { ...base, text: `${tricky} [[1]] ${tricky}`, type: "cloze", gaps: [{ kind: "dropdown", points: 1, choices: [choice(tricky, 100, tricky), choice("b", 0)] }] },
      { ...base, text: tricky, explanation: tricky, type: "essay", graderInfo: "" },
    ];
    expect(roundTrip(qs)).toEqual(qs);
  });

  it("gives back Markdown as written, including text that looks like a GIFT marker", () => {
    const md = "**Bold** _em_ `code` [link](https://example.com) - list\n\n1. one\n2. two\n\n> quote | table";
    const qs: PortableQuestion[] = [
      { ...base, text: md, type: "essay", graderInfo: "" },
      { ...base, text: "[markdown]starts with a marker", type: "single_choice", choices: [choice("[html]<b>x</b>", 100, "[plain]y"), choice("[moodle]z", 0)] },
      { ...base, text: "Q", type: "short_answer", answers: [{ text: "[html]raw", weight: 100, feedback: "" }, { text: "%50%x", weight: 50, feedback: "" }] },
      { ...base, text: "$CATEGORY: not a category", type: "true_false", answer: true, feedbackTrue: "", feedbackFalse: "" },
      { ...base, text: "// not a comment", type: "true_false", answer: true, feedbackTrue: "// nor this", feedbackFalse: "" },
      { ...base, text: "T", type: "short_answer", answers: [{ text: "T", weight: 100, feedback: "" }, { text: "FALSE", weight: 100, feedback: "" }] },
    ];
    expect(roundTrip(qs)).toEqual(qs);
  });

  it("gives back random texts made of GIFT's special characters, in every field", () => {
    const alphabet = ["\\", "n", "{", "}", "=", "~", "#", ":", "%", "[", "]", "\n", "(", ")", "$", "a", "b", " ", "-", ">", "/", "*", "_", "`", "T"];
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const text = () => {
      const value = Array.from({ length: 1 + Math.floor(random() * 15) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("").trim();
      return value === "" ? "x" : value;
    };
    let checked = 0;
    for (let round = 0; round < 200; round++) {
      const qs: PortableQuestion[] = [
        { ...base, name: text(), text: text(), explanation: text(), type: "single_choice", choices: [choice(text(), 100, text()), choice(text(), 0, text()), choice(text(), -50, text())] },
        { ...base, text: text(), explanation: text(), type: "multiple_choice", choices: [choice(text(), 50, text()), choice(text(), 50), choice(text(), 0, text())] },
        { ...base, text: text(), explanation: text(), type: "true_false", answer: random() < 0.5, feedbackTrue: text(), feedbackFalse: text() },
        { ...base, text: text(), explanation: text(), type: "short_answer", answers: [{ text: text(), weight: 100, feedback: text() }, { text: text(), weight: 25, feedback: text() }] },
        { ...base, text: text(), explanation: text(), type: "numeric", answers: [{ value: random() * 100 - 50, tolerance: random(), weight: 100, feedback: text() }] },
        { ...base, text: text(), explanation: text(), type: "matching", pairs: [{ prompt: text(), answer: text() }, { prompt: text(), answer: text() }], distractors: [text()] },
        { ...base, text: `${text()} [[1]] ${text()}`, explanation: text(), type: "cloze", gaps: [{ kind: "dropdown", points: 1, choices: [choice(text(), 100, text()), choice(text(), 0)] }] },
        { ...base, text: text(), explanation: text(), type: "essay", graderInfo: "" },
      ];
      const exported = exportGift(qs);
      // What GIFT cannot hold (a `->` in a short answer or a prompt) is skipped and said; everything else comes back.
      const kept = qs.filter((_, index) => !exported.skipped.some((s) => s.index === index));
      for (const s of exported.skipped) expect(s.reason).toContain("->");
      const read = parseGift(exported.text);
      expect(read.problems).toEqual([]);
      expect(read.questions).toEqual(kept);
      checked += kept.length;
    }
    expect(checked).toBeGreaterThan(1400);
  });

  it("reads a gap at the very end back as the gap's own kind of question, as GIFT writes those alike", () => {
    const q: PortableQuestion = { ...base, text: "The capital of France is [[1]]", type: "cloze", gaps: [{ kind: "short_answer", points: 1, answers: [{ text: "Paris", weight: 100, feedback: "" }] }] };
    expect(roundTrip([q])).toEqual([{ ...base, text: "The capital of France is", type: "short_answer", answers: [{ text: "Paris", weight: 100, feedback: "" }] }]);
  });

  it("drops what GIFT has no place for: points, grader information", () => {
    const q: PortableQuestion = { ...base, points: 5, text: "Explain.", type: "essay", graderInfo: "Look for two causes." };
    expect(roundTrip([q])).toEqual([{ ...q, points: 1, graderInfo: "" }]);
  });

  it("gives back the sample files' questions", () => {
    for (const name of ["chemistry-week-3.txt", "math.txt"]) {
      const first = parseGift(sample(name)).questions;
      expect(roundTrip(first)).toEqual(first);
    }
  });

  it("writes the math sample's LaTeX as it was written, escapes and all", () => {
    const exported = exportGift(parseGift(sample("math.txt")).questions).text;
    expect(exported).toContain("[markdown]What is the derivative of \\(x^2\\)?{");
    expect(exported).toContain("[markdown]Simplify \\(\\frac\\{2\\}\\{4\\}\\).{");
    expect(exported).toContain("[markdown]Solve $$x^2 \\= 4, x > 0$$ for x.{#");
    expect(exported).toContain("[markdown]Is \\(1 \\\\neq 2\\)?{TRUE}");
  });
});
