import { htmlToMarkdown } from "./html-to-markdown";
import { plainToMarkdown } from "./plain-to-markdown";

// A GIFT text may start with its format: [moodle] (the default), [html],
// [plain] or [markdown]. Answers and feedback default to the question text's
// format. The bank holds Markdown, so each text is converted on the way in.

export const giftTextFormats = ["moodle", "html", "plain", "markdown"] as const;
export type GiftTextFormat = (typeof giftTextFormats)[number];

const marker = /^\[(moodle|html|plain|markdown)\]/i;

/** Whether a text would be read as starting with a format marker (so the exporter must put one before it). */
export const startsWithFormatMarker = (text: string): boolean => marker.test(text);

/** The text's own format (its marker removed) or, without a marker, the one it inherits. */
export function readFormat(text: string, inherited: GiftTextFormat): { format: GiftTextFormat; text: string } {
  const match = marker.exec(text);
  const named = giftTextFormats.find((format) => format === match?.[1]?.toLowerCase());
  if (!match || !named) return { format: inherited, text: text.trim() };
  return { format: named, text: text.slice(match[0].length).trim() };
}

/**
 * The text as Markdown. Moodle's own format is plain text with light
 * auto-formatting, close enough to Markdown to keep as written.
 */
export function toMarkdown(text: string, format: GiftTextFormat): string {
  if (format === "html") return htmlToMarkdown(text);
  if (format === "plain") return plainToMarkdown(text);
  return text;
}

/** A formatted text (question text, choice, feedback) as Markdown, its marker read first. */
export function formattedToMarkdown(text: string, inherited: GiftTextFormat): string {
  const read = readFormat(text, inherited);
  return toMarkdown(read.text, read.format).trim();
}
