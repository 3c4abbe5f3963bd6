const maxPrefixWords = 12;

/**
 * The search text as a `to_tsquery` prefix query ("mech wave" → "mech:* & wave:*"),
 * or null when it has no word. Only letters and digits survive, so none of
 * tsquery's operators (& | ! : * ( ) < > ') can reach the parser from user input.
 */
export function prefixTsquery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, maxPrefixWords)
    .map((word) => `${word}:*`)
    .join(" & ");
}
