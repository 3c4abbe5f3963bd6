import type { ClozeGap, ClozeQuestion, PortableFile } from "../portable-question";
import { escapeGapHtml, writeGap } from "./cloze-syntax";
import { markdownToHtml } from "./markdown-to-html";
import { formatNumber } from "./xml-writer";
import { richTextContent } from "./write-rich-text";

// A cloze question as Moodle's embedded answers: each [[n]] in the text is
// replaced by gap n written in the embedded syntax, inside the HTML.

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const inline = (markdown: string) => escapeGapHtml(markdownToHtml(markdown, { inline: true }));

function gapCode(gap: ClozeGap): string {
  // Moodle reads a gap's marks as a whole number.
  const points = Math.max(0, Math.round(gap.points));
  switch (gap.kind) {
    case "short_answer":
      return writeGap({
        points,
        type: "SHORTANSWER",
        alternatives: gap.answers.map((answer) => ({ weight: answer.weight, answer: escapeGapHtml(escapeHtml(answer.text.trim())), feedback: inline(answer.feedback) })),
      });
    case "numeric":
      return writeGap({
        points,
        type: "NUMERICAL",
        alternatives: gap.answers.map((answer) => ({
          weight: answer.weight,
          answer: answer.tolerance === 0 ? formatNumber(answer.value) : `${formatNumber(answer.value)}:${formatNumber(Math.abs(answer.tolerance))}`,
          feedback: inline(answer.feedback),
        })),
      });
    case "dropdown":
      return writeGap({ points, type: "MULTICHOICE", alternatives: gap.choices.map((choice) => ({ weight: choice.weight, answer: inline(choice.text), feedback: inline(choice.feedback) })) });
  }
}

/** Why the question cannot be written, or null. */
function clozeProblem(question: ClozeQuestion, used: readonly number[]): string | null {
  const unknown = used.find((n) => n < 1 || n > question.gaps.length);
  if (unknown !== undefined) return `The text has gap [[${unknown}]], but the question has ${question.gaps.length} gap${question.gaps.length === 1 ? "" : "s"}.`;
  for (let n = 1; n <= question.gaps.length; n++) {
    const count = used.filter((m) => m === n).length;
    if (count !== 1) return count === 0 ? `Gap ${n} is not in the text.` : `Gap ${n} is in the text ${count} times; Moodle's embedded answers need each once.`;
  }
  const numbers = question.gaps.flatMap((gap) => (gap.kind === "numeric" ? gap.answers.flatMap((answer) => [answer.value, answer.tolerance]) : []));
  if (numbers.some((value) => !Number.isFinite(value))) return "A numeric gap's value or tolerance is not a finite number.";
  return null;
}

/** The <questiontext> contents (<text> and files) for a cloze question, or why it cannot be written. */
export function clozeTextContent(question: ClozeQuestion, files: readonly PortableFile[]): { ok: true; xml: string } | { ok: false; reason: string } {
  const used: number[] = [];
  const gap = (n: number) => {
    used.push(n);
    const found = question.gaps[n - 1];
    return found === undefined ? "" : gapCode(found);
  };
  const content = richTextContent(question.text, files, { gap });
  const problem = clozeProblem(question, used);
  return problem === null ? { ok: true, xml: content } : { ok: false, reason: problem };
}
