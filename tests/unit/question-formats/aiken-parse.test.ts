import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAiken } from "@/lib/question-formats/aiken/parse-aiken";
import { importLimits } from "@/lib/question-formats/portable-question";

const sample = (name: string) => readFileSync(path.join(__dirname, "samples/aiken", name), "utf8");

const problemsOf = (text: string) => parseAiken(text).problems.map((problem) => `${problem.line}: ${problem.message}`);

const single = (text: string, choices: [string, number][]) => ({
  type: "single_choice",
  name: "",
  text,
  points: 1,
  explanation: "",
  category: [],
  tags: [],
  choices: choices.map(([choice, weight]) => ({ text: choice, weight, feedback: "" })),
});

describe("parseAiken: questions", () => {
  it("reads Moodle's two examples: options with . or ), the right one at 100", () => {
    const result = parseAiken(
      [
        "What is the correct answer to this question?",
        "A. Is it this one?",
        "B. Maybe this answer?",
        "C. Possibly this one?",
        "D. Must be this one!",
        "ANSWER: D",
        "",
        "Which LMS has the most quiz import formats?",
        "A) Moodle",
        "B) ATutor",
        "C) Claroline",
        "D) Blackboard",
        "E) WebCT",
        "F) Ilias",
        "ANSWER: A",
      ].join("\n"),
    );
    expect(result).toEqual({
      questions: [
        single("What is the correct answer to this question?", [["Is it this one?", 0], ["Maybe this answer?", 0], ["Possibly this one?", 0], ["Must be this one!", 100]]),
        single("Which LMS has the most quiz import formats?", [["Moodle", 100], ["ATutor", 0], ["Claroline", 0], ["Blackboard", 0], ["WebCT", 0], ["Ilias", 0]]),
      ],
      problems: [],
      files: [],
    });
  });

  it("needs no blank line between questions, and forgives blank lines and indentation inside one", () => {
    const result = parseAiken("Q1?\nA. a\nB. b\nANSWER: A\nQ2?\n\n  A) c\n\n  B) d\n  ANSWER: B\n");
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => q.text)).toEqual(["Q1?", "Q2?"]);
    expect(result.questions[1]).toMatchObject({ choices: [{ text: "c", weight: 0 }, { text: "d", weight: 100 }] });
  });

  it("maps the answer by the option's letter, and forgives Answer: b, ANSWER:B and B)", () => {
    for (const answer of ["ANSWER: B", "ANSWER:B", "Answer: b", "ANSWER : B", "ANSWER: B)", "ANSWER: B.", "answer: b  "]) {
      const result = parseAiken(`Q?\nA. a\nB. b\nC. c\n${answer}`);
      expect(result.problems).toEqual([]);
      expect(result.questions[0]).toMatchObject({ choices: [{ weight: 0 }, { weight: 100 }, { weight: 0 }] });
    }
    // Letters need not start at A.
    expect(parseAiken("Q?\nB. b\nD. d\nANSWER: D").questions[0]).toMatchObject({ choices: [{ text: "b", weight: 0 }, { text: "d", weight: 100 }] });
  });

  it("reads several lines of text before the options as one text with line breaks", () => {
    expect(parseAiken("Read this passage.\nThen answer: which is right?\nA. one\nB. two\nANSWER: A").questions[0]?.text).toBe("Read this passage.\\\nThen answer: which is right?");
  });

  it("escapes the plain text so Markdown shows it as typed, LaTeX left alone", () => {
    const q = parseAiken("Is 2*3*4 = 24 in <b>bold</b> [really]? \\(x_1\\)\nA. 2*3\nB. a_b\nANSWER: A").questions[0];
    expect(q).toMatchObject({ text: "Is 2\\*3\\*4 = 24 in \\<b\\>bold\\</b\\> \\[really\\]? \\(x_1\\)", choices: [{ text: "2\\*3" }, { text: "a\\_b" }] });
  });

  it("reads CRLF line endings, a byte order mark and NUL characters", () => {
    const result = parseAiken("\uFEFFQ\0?\r\nA. a\r\nB. b\r\nANSWER: B\r\n");
    expect(result.problems).toEqual([]);
    expect(result.questions[0]).toMatchObject({ text: "Q\0?", choices: [{ weight: 0 }, { weight: 100 }] });
  });
});

describe("parseAiken: malformed blocks", () => {
  it("reports a question without ANSWER at the line it starts on, and reads the next", () => {
    expect(problemsOf("Q1?\nA. a\nB. b\n\nQ2?\nA. c\nB. d\nANSWER: A")).toEqual(["1: This question has no ANSWER: line."]);
    expect(parseAiken("Q1?\nA. a\nB. b\n\nQ2?\nA. c\nB. d\nANSWER: A").questions.map((q) => q.text)).toEqual(["Q2?"]);
    expect(problemsOf("Q1?\nA. a\nB. b")).toEqual(["1: This question has no ANSWER: line."]);
  });

  it("reports an answer letter that is not among the options, at the ANSWER line", () => {
    expect(problemsOf("Q?\nA. a\nB. b\nANSWER: E")).toEqual(["4: The answer E is not one of the options."]);
  });

  it("reports fewer than two options", () => {
    expect(problemsOf("Q?\nA. a\nANSWER: A")).toEqual(["1: The question has only one option; it needs at least two options (A. …, B. …)."]);
    expect(problemsOf("Q?\nANSWER: A")).toEqual(["1: The question has no options; it needs at least two options (A. …, B. …)."]);
    // Lower-case option letters are not options (Moodle's rule), so the question has none.
    expect(problemsOf("Q?\na) one\nb) two\nANSWER: a")).toEqual(["1: The question has no options; it needs at least two options (A. …, B. …)."]);
  });

  it("reports an ANSWER line that names no single letter (at that line), and repeated option letters", () => {
    expect(problemsOf("Q?\nA. a\nB. b\nANSWER:")).toEqual(["4: The ANSWER line names no letter; it must name one option letter."]);
    expect(problemsOf("Q?\nA. a\nB. b\nANSWER: A, B")).toEqual(["4: The ANSWER line names “A, B”; it must name one option letter."]);
    expect(problemsOf("Q?\nA. a\nA. b\nANSWER: A")).toEqual(["1: The option letter A is used twice."]);
  });

  it("reports options and answers outside a question, and text with no options", () => {
    expect(problemsOf("A. stray\nANSWER: A")).toEqual(["1: The option A comes before any question text.", "2: The ANSWER: line comes before any question."]);
    expect(problemsOf("Just a sentence.\n\nQ?\nA. a\nB. b\nANSWER: A")).toEqual(["1: The question has no options and no ANSWER: line."]);
  });

  it("reports text after the options as a question left unfinished, and starts a new one there", () => {
    const result = parseAiken("Q1?\nA. a\nB. b\nQ2?\nA. c\nB. d\nANSWER: B");
    expect(result.problems).toEqual([{ line: 1, message: "This question has no ANSWER: line." }]);
    expect(result.questions.map((q) => q.text)).toEqual(["Q2?"]);
  });
});

describe("parseAiken: any input", () => {
  it("never throws on random text", () => {
    const alphabet = ["A. ", "B) ", "ANSWER: ", "A", "Z", "\n", "\n\n", " ", "x", "*", "\0", "\r", "é"];
    let seed = 5;
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 60 }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return alphabet[seed % alphabet.length];
      }).join("");
      const result = parseAiken(text);
      expect(result.files).toEqual([]);
      for (const q of result.questions) expect(q.type).toBe("single_choice");
    }
  });

  it("reads an empty file as nothing, and a huge line quickly", () => {
    expect(parseAiken("")).toEqual({ questions: [], problems: [], files: [] });
    // Speed is for the benchmarks: a backtracking regression shows here as a test that never ends.
    expect(parseAiken(`${"word ".repeat(500_000)}\nA. a\nB. b\nANSWER: A`).questions).toHaveLength(1);
  });

  it(`stops after ${importLimits.questions} questions and says so`, () => {
    const text = Array.from({ length: importLimits.questions + 3 }, (_, i) => `Q${i + 1}?\nA. a\nB. b\nANSWER: A`).join("\n\n");
    const result = parseAiken(text);
    expect(result.questions).toHaveLength(importLimits.questions);
    expect(result.problems).toEqual([{ line: importLimits.questions * 5 + 1, message: expect.stringContaining(`more than ${importLimits.questions} questions`) }]);
  });

  it(`refuses text longer than ${importLimits.fileBytes} bytes with one problem`, () => {
    expect(parseAiken("x".repeat(importLimits.fileBytes + 1))).toEqual({ questions: [], problems: [{ line: null, message: "The file is larger than 20 MB, the most an import reads." }], files: [] });
  });
});

describe("parseAiken: sample files", () => {
  it("reads biology.txt", () => {
    const result = parseAiken(sample("biology.txt"));
    expect(result.problems).toEqual([]);
    expect(result.questions).toEqual([
      single("What is the powerhouse of the cell?", [["Nucleus", 0], ["Mitochondrion", 100], ["Ribosome", 0], ["Golgi apparatus", 0]]),
      single("Which molecule carries genetic information in most living things?", [["RNA", 0], ["Protein", 0], ["DNA", 100]]),
      single("Photosynthesis takes place mainly in which part of a plant cell?", [["Chloroplast", 100], ["Vacuole", 0], ["Cell wall", 0], ["Cytoplasm", 0]]),
      single("Which of these is \\*not\\* a kingdom of life in the five-kingdom system?", [["Monera", 0], ["Protista", 0], ["Viruses", 100], ["Fungi", 0], ["Plantae", 0]]),
    ]);
  });

  it("reads broken.txt: each broken block reported at its line, the good one read", () => {
    const result = parseAiken(sample("broken.txt"));
    expect(result.problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      "1: This question has no ANSWER: line.",
      "9: The answer E is not one of the options.",
      "11: The question has only one option; it needs at least two options (A. …, B. …).",
    ]);
    expect(result.questions.map((q) => q.text)).toEqual(["Red blood cells carry what?"]);
  });

  it("reads the samples the same with Windows line endings", () => {
    for (const name of ["biology.txt", "broken.txt"]) expect(parseAiken(sample(name).replace(/\n/g, "\r\n"))).toEqual(parseAiken(sample(name)));
  });
});
