// Markdown (a course event's description) as the plain text a calendar app
// shows: paragraphs and list lines kept, links as "text (address)", the
// punctuation of emphasis, headings, quotes and code dropped. Pure.

/** Descriptions longer than this are cut: a calendar shows a note, the page has the rest. */
export const maxDescriptionLength = 4000;

export function markdownToPlainText(markdown: string): string {
  const plain = markdown
    .replace(/\r\n?/g, "\n")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\(((?:https?:|mailto:)[^)\s]+)[^)]*\)/g, "$1 ($2)")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?)/gm, "")
    .replace(/^[ \t]*(?:```|~~~).*$/gm, "")
    .replace(/(\*\*|__|`)/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (plain.length <= maxDescriptionLength) return plain;
  return `${Array.from(plain).slice(0, maxDescriptionLength - 1).join("").trimEnd()}…`;
}
