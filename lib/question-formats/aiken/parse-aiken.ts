import { plainToMarkdown } from "../gift/plain-to-markdown";
import { normalizeNewlines } from "../gift/split-blocks";
import { refusedAsTooLong, tooLongToImport, tooManyQuestionsMessage } from "../gift/text-limits";
import { importLimits, type ImportProblem, type ImportResult, type PortableQuestion } from "../portable-question";
import { answerLetter, classifyAikenLine } from "./aiken-lines";

// Reads an Aiken file: single choice questions, each its text, its options
// (`A.` or `A)`), then `ANSWER: X`. Aiken texts are plain text, so they are
// escaped to read the same as Markdown. A block that is not a whole question
// is a problem at the line it starts on (a wrong ANSWER line, at that line);
// reading goes on after it. Never throws.
//
// Moodle reads the question text from one line; several lines of text before
// the first option are read here as one text with line breaks, since that is
// what a teacher who wraps a long question means. A blank line ends the text
// of a question that has no options yet.

interface Draft {
  line: number;
  text: string[];
  options: { letter: string; text: string }[];
  /** A blank line came after the text: another line of text starts a new question. */
  textClosed: boolean;
}

/** A question from its draft and ANSWER value, or why not; `atAnswer` when the ANSWER line itself is at fault. */
function finish(draft: Draft, value: string): { ok: true; question: PortableQuestion } | { ok: false; message: string; atAnswer?: boolean } {
  if (draft.options.length < 2) return { ok: false, message: `The question has ${draft.options.length === 0 ? "no options" : "only one option"}; it needs at least two options (A. …, B. …).` };
  const letters = draft.options.map((option) => option.letter);
  const repeated = letters.find((letter, index) => letters.indexOf(letter) !== index);
  if (repeated) return { ok: false, message: `The option letter ${repeated} is used twice.` };
  const letter = answerLetter(value);
  if (letter === null) return { ok: false, message: `The ANSWER line names ${value === "" ? "no letter" : `“${value}”`}; it must name one option letter.`, atAnswer: true };
  if (!letters.includes(letter)) return { ok: false, message: `The answer ${letter} is not one of the options.`, atAnswer: true };
  return {
    ok: true,
    question: {
      type: "single_choice",
      name: "",
      text: plainToMarkdown(draft.text.join("\n")),
      points: 1,
      explanation: "",
      category: [],
      tags: [],
      choices: draft.options.map((option) => ({ text: plainToMarkdown(option.text), weight: option.letter === letter ? 100 : 0, feedback: "" })),
    },
  };
}

const noAnswer = "This question has no ANSWER: line.";

export function parseAiken(text: string): ImportResult {
  if (tooLongToImport(text)) return refusedAsTooLong();
  const questions: PortableQuestion[] = [];
  const problems: ImportProblem[] = [];
  let draft: Draft | null = null;
  let full = false;
  const abandon = () => {
    if (draft) problems.push({ line: draft.line, message: draft.options.length === 0 ? "The question has no options and no ANSWER: line." : noAnswer });
    draft = null;
  };
  try {
    const lines = normalizeNewlines(text).split("\n");
    for (let index = 0; index < lines.length && !full; index++) {
      const line = index + 1;
      const read = classifyAikenLine(lines[index]!);
      const current: Draft | null = draft;
      if (read.kind === "blank") {
        if (current) current.textClosed = true;
      } else if (read.kind === "text") {
        if (current && current.options.length === 0 && !current.textClosed) current.text.push(read.text);
        else {
          abandon();
          draft = { line, text: [read.text], options: [], textClosed: false };
        }
      } else if (read.kind === "option") {
        if (current) current.options.push({ letter: read.letter, text: read.text });
        else problems.push({ line, message: `The option ${read.letter} comes before any question text.` });
      } else if (!current) {
        problems.push({ line, message: "The ANSWER: line comes before any question." });
      } else {
        const finished = finish(current, read.value);
        draft = null;
        if (!finished.ok) problems.push({ line: finished.atAnswer ? line : current.line, message: finished.message });
        else if (questions.length >= importLimits.questions) {
          problems.push({ line: current.line, message: tooManyQuestionsMessage });
          full = true;
        } else questions.push(finished.question);
      }
    }
    if (!full) abandon();
  } catch {
    problems.push({ line: null, message: "The rest of the file could not be read." });
  }
  return { questions, problems, files: [] };
}
