// GIFT hides its structure characters behind a backslash: `\{` is a brace the
// author meant to show, `{` opens the answers. Moodle swaps escapes for
// placeholder strings before it looks for structure; a placeholder could clash
// with text the author wrote, so here every character carries a flag instead:
// escaped ones are text, never structure, and searches skip them.

/** The characters a backslash turns into text; `\n` (a newline) is the one escape that is a letter. */
export const giftEscapable = new Set(["~", "=", "#", "{", "}", ":", "\\"]);

export class GiftText {
  private constructor(
    /** The text with escapes already resolved (`\{` is `{`, `\n` a newline). */
    private readonly chars: string,
    /** 1 where the character came from an escape and so is text, never structure. */
    private readonly literal: Uint8Array,
  ) {}

  /** Resolves the escapes in a piece of GIFT source. A backslash before anything else stays a backslash (`\(` is LaTeX). */
  static read(source: string): GiftText {
    const parts: string[] = [];
    const literal = new Uint8Array(source.length);
    let length = 0;
    for (let i = 0; i < source.length; i++) {
      const char = source[i]!;
      const next = source[i + 1];
      if (char === "\\" && next !== undefined && (giftEscapable.has(next) || next === "n")) {
        parts.push(next === "n" ? "\n" : next);
        literal[length++] = 1;
        i++;
        continue;
      }
      parts.push(char);
      length++;
    }
    return new GiftText(parts.join(""), literal.subarray(0, length));
  }

  get length(): number {
    return this.chars.length;
  }

  /** The text as the author meant it to read. */
  toString(): string {
    return this.chars;
  }

  private structuralAt(index: number, needle: string): boolean {
    for (let k = 0; k < needle.length; k++) if (this.literal[index + k] === 1) return false;
    return true;
  }

  /** Where `needle` first occurs as structure (none of its characters escaped), or -1. */
  indexOf(needle: string, from = 0): number {
    let at = this.chars.indexOf(needle, from);
    while (at !== -1 && !this.structuralAt(at, needle)) at = this.chars.indexOf(needle, at + 1);
    return at;
  }

  /** Where `needle` last occurs as structure, or -1. */
  lastIndexOf(needle: string): number {
    let at = this.chars.lastIndexOf(needle);
    while (at > 0 && !this.structuralAt(at, needle)) at = this.chars.lastIndexOf(needle, at - 1);
    return at !== -1 && this.structuralAt(at, needle) ? at : -1;
  }

  /** Whether the text starts with `prefix` as structure. */
  startsWith(prefix: string): boolean {
    return this.chars.startsWith(prefix) && this.structuralAt(0, prefix);
  }

  slice(start: number, end: number = this.chars.length): GiftText {
    return new GiftText(this.chars.slice(start, end), this.literal.subarray(start, end));
  }

  /** Trims white space at both ends, an escaped newline included (as Moodle trims after unescaping). */
  trim(): GiftText {
    let start = 0;
    let end = this.chars.length;
    while (start < end && /\s/.test(this.chars[start]!)) start++;
    while (end > start && /\s/.test(this.chars[end - 1]!)) end--;
    return this.slice(start, end);
  }

  /**
   * Cuts the text before each structural character in `markers`, keeping the
   * marker with the piece it starts: `a =b ~c` with "=~" gives the lead "a "
   * and the pieces "=b ", "~c".
   */
  splitBefore(markers: string): { lead: GiftText; pieces: GiftText[] } {
    const cuts: number[] = [];
    for (let i = 0; i < this.chars.length; i++) {
      if (this.literal[i] !== 1 && markers.includes(this.chars[i]!)) cuts.push(i);
    }
    const lead = this.slice(0, cuts[0] ?? this.chars.length);
    const pieces = cuts.map((cut, k) => this.slice(cut, cuts[k + 1] ?? this.chars.length));
    return { lead, pieces };
  }
}
