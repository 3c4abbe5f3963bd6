// The three kinds of line an Aiken file has: an option (`A. text` or
// `A) text`), the answer (`ANSWER: B`) and anything else, which is question
// text. Lines are trimmed first, as Moodle trims them.

export type AikenLine =
  | { kind: "blank" }
  | { kind: "option"; letter: string; text: string }
  | { kind: "answer"; value: string }
  | { kind: "text"; text: string };

/** A capital letter, `.` or `)`, white space, then the option's text (Moodle's rule). */
const option = /^([A-Z])[.)]\s+(\S.*)$/;
/** Moodle wants capitals; a teacher's `Answer: b` means the same, so case is forgiven here. */
const answer = /^ANSWER\s*:(.*)$/i;

export function classifyAikenLine(raw: string): AikenLine {
  const line = raw.trim();
  if (line === "") return { kind: "blank" };
  const isAnswer = answer.exec(line);
  if (isAnswer) return { kind: "answer", value: isAnswer[1]!.trim() };
  const isOption = option.exec(line);
  if (isOption) return { kind: "option", letter: isOption[1]!, text: isOption[2]!.trim() };
  return { kind: "text", text: line };
}

/** The letter an ANSWER line names (`B`, `b`, `B)`, `B.`), or null when it names none or several. */
export function answerLetter(value: string): string | null {
  const match = /^([A-Za-z])[.)]?$/.exec(value.trim());
  return match ? match[1]!.toUpperCase() : null;
}
