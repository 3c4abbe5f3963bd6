import { describe, expect, it } from "vitest";
import { parseAiken } from "@/lib/question-formats/aiken/parse-aiken";

describe("parseAiken", () => {
  it("reads questions with A. and A) options and their ANSWER line", () => {
    const result = parseAiken(`Is this an easy question?
A. Yes
B. No
ANSWER: A

What is the correct answer to this question?
A) Is it this one?
B) Maybe this answer?
C) Possibly this one?
D) Must be this one!
ANSWER: D
`);
    expect(result.problems).toEqual([]);
    expect(result.questions).toEqual([
      expect.objectContaining({ type: "single_choice", text: "Is this an easy question?", choices: [{ text: "Yes", weight: 100, feedback: "" }, { text: "No", weight: 0, feedback: "" }] }),
      expect.objectContaining({ text: "What is the correct answer to this question?", choices: [expect.objectContaining({ weight: 0 }), expect.anything(), expect.anything(), { text: "Must be this one!", weight: 100, feedback: "" }] }),
    ]);
  });

  it("reports malformed questions with their line and reads on", () => {
    const result = parseAiken("No answer line\nA. one\nB. two\n\nOne option only\nA. one\nANSWER: A\n\nWrong letter\nA. x\nB. y\nANSWER: C\n\nGood?\nA. yes\nB. no\nANSWER: b\r\n");
    expect(result.questions.map((q) => q.text)).toEqual(["Good?"]);
    expect(result.problems).toEqual([
      { line: 1, message: "This question has no ANSWER: line." },
      { line: 5, message: expect.stringContaining("at least two options") },
      { line: 12, message: "The answer C is not one of the options." },
    ]);
    for (const input of ["", "ANSWER: A", "\u0000", "A. b"]) expect(() => parseAiken(input)).not.toThrow();
  });
});
