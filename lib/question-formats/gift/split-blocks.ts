// A GIFT file is a list of blocks separated by blank lines; each block is one
// question (or a `$CATEGORY:` line). Moodle trims every line and drops lines
// that start with `//`, so answers may be indented and commented freely.

export interface GiftLine {
  /** 1-based line number in the file. */
  line: number;
  /** The line, trimmed. */
  text: string;
}

export interface GiftBlock {
  /** The block's lines that are not comments, in order; never empty. */
  lines: GiftLine[];
  /** The block's comment lines (trimmed, `//` kept): where Moodle keeps a question's tags. */
  comments: string[];
}

/** A byte order mark and Windows or old Mac line endings are not part of the text. */
export const normalizeNewlines = (text: string): string => text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");

export function splitBlocks(text: string): GiftBlock[] {
  const blocks: GiftBlock[] = [];
  let lines: GiftLine[] = [];
  let comments: string[] = [];
  const close = () => {
    // A block of comments alone describes nothing to import.
    if (lines.length > 0) blocks.push({ lines, comments });
    lines = [];
    comments = [];
  };
  normalizeNewlines(text)
    .split("\n")
    .forEach((raw, index) => {
      const trimmed = raw.trim();
      if (trimmed === "") close();
      else if (trimmed.startsWith("//")) comments.push(trimmed);
      else lines.push({ line: index + 1, text: trimmed });
    });
  close();
  return blocks;
}
