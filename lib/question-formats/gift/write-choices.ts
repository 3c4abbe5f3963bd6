import type { PortableChoice } from "../portable-question";
import { fail, weightInRange, weightPattern, weightText, type Read } from "./answer-parts";
import { writeFormatted } from "./escape-gift";

// Choices as GIFT answers: `=` for full marks in a single choice question,
// `~%n%` for a share or a penalty, `~` for nothing. A multiple choice
// question never uses `=`: its absence is what tells Moodle the student may
// pick several. Only what reads back the same is written.

/** The choices, one per entry, or why GIFT cannot hold them. */
export function writeChoices(choices: PortableChoice[], multiple: boolean): Read<string[]> {
  if (choices.length < 2) return fail("It has fewer than two choices.");
  if (choices.some((choice) => choice.text.trim() === "")) return fail("A choice has no text.");
  if (choices.some((choice) => !weightInRange(choice.weight, -100))) return fail("A choice's weight is outside -100% to 100%.");
  if (multiple) {
    const sum = choices.reduce((total, choice) => total + Math.max(0, choice.weight), 0);
    if (Math.abs(sum - 100) >= 0.5) return fail(`The right choices' weights add up to ${sum}%, not 100%.`);
  } else if (!choices.some((choice) => choice.weight === 100)) return fail("No choice earns full marks.");
  // Moodle tells multiple choice from short answer by a `~`: with every choice at 100%, all but the first are written `~%100%`.
  const allFull = choices.every((choice) => choice.weight === 100);
  let equalsUsed = false;
  return {
    ok: true,
    value: choices.map((choice) => {
      const text = writeFormatted(choice.text);
      const feedback = choice.feedback.trim() === "" ? "" : `#${writeFormatted(choice.feedback)}`;
      const useEquals = !multiple && choice.weight === 100 && !(allFull && equalsUsed);
      if (useEquals) equalsUsed = true;
      // A text that starts like a weight needs its own weight before it, even when it is 0.
      const marker = useEquals ? "=" : choice.weight !== 0 || weightPattern.test(text) ? `~${weightText(choice.weight)}` : "~";
      return `${marker}${text}${feedback}`;
    }),
  };
}
