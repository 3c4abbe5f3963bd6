import type { GiftText } from "./gift-text";
import { formattedToMarkdown, type GiftTextFormat } from "./text-format";

// `{TRUE#feedback for a wrong answer#feedback for a right answer}`: Moodle's
// order is wrong first, then right, whichever the right answer is.

export const trueFalseWords = new Set(["T", "TRUE", "F", "FALSE"]);

export interface ReadTrueFalse {
  answer: boolean;
  feedbackTrue: string;
  feedbackFalse: string;
}

/** The block's word before any feedback, to tell a true/false question from a short answer. */
export function trueFalseWord(block: GiftText): string {
  const at = block.indexOf("#");
  return (at === -1 ? block : block.slice(0, at)).trim().toString();
}

export function readTrueFalse(block: GiftText, format: GiftTextFormat): ReadTrueFalse {
  const first = block.indexOf("#");
  const second = first === -1 ? -1 : block.indexOf("#", first + 1);
  const answer = trueFalseWord(block).startsWith("T");
  const wrong = first === -1 ? "" : block.slice(first + 1, second === -1 ? block.length : second).toString();
  const right = second === -1 ? "" : block.slice(second + 1).toString();
  const wrongFeedback = formattedToMarkdown(wrong, format);
  const rightFeedback = formattedToMarkdown(right, format);
  return answer
    ? { answer, feedbackTrue: rightFeedback, feedbackFalse: wrongFeedback }
    : { answer, feedbackTrue: wrongFeedback, feedbackFalse: rightFeedback };
}
