/**
 * A plain-text teaser of a Markdown description for course cards: links keep
 * their text, Markdown punctuation and line breaks go, and long text is cut at a
 * word boundary with an ellipsis.
 */
export function summarize(markdown: string, maxLength = 200): string {
  const plain = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_#>`[\]()]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= maxLength) return plain;
  const cut = plain.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  // A single very long word is cut where it is rather than dropped.
  const atWord = lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut;
  return `${atWord.replace(/[\s.,;:!?-]+$/, "")}…`;
}
