import katex, { type KatexOptions } from "katex";
import sanitizeHtml, { type IOptions } from "sanitize-html";
import { renderInlineMarkdown, renderMarkdown } from "./markdown";

// LaTeX in question text: `\(…\)` inline, `\[…\]` or `$$…$$` displayed (a lone
// `$` is too common in prices to mean math). Formulas are cut out of the source
// before Markdown sees it, so `_` and `*` inside them never become emphasis, and
// rendered by KaTeX as MathML, which browsers draw without KaTeX's CSS or fonts
// (nothing for the site's CSP to allow).

interface Formula {
  /** As written, delimiters included: what is shown when the formula is not rendered. */
  source: string;
  tex: string;
  display: boolean;
}

const delimiters = [
  { open: "\\(", close: "\\)", display: false },
  { open: "\\[", close: "\\]", display: true },
  { open: "$$", close: "$$", display: true },
] as const;
type Delimiter = (typeof delimiters)[number];

// Longer formulas are shown as written: KaTeX's parser recurses, and a huge
// nesting would otherwise cost time or the stack.
const maxFormulaLength = 4000;

const katexOptions: KatexOptions = {
  output: "mathml",
  throwOnError: false,
  errorColor: "#cc0000",
  // No \href, \url, \includegraphics or \html…: those need trust.
  trust: false,
  strict: "ignore",
  // \rule and \kern sizes in em, so a formula cannot cover the page.
  maxSize: 10,
  // Macro expansions per formula; stops \def loops and exponential macros.
  maxExpand: 1000,
};

// --- Finding the formulas -------------------------------------------------

/** Whether the line break at `index` is followed by a blank line (or the end). */
function blankLineAfter(source: string, index: number): boolean {
  let at = index + 1;
  while (source[at] === " " || source[at] === "\t") at++;
  return at >= source.length || source[at] === "\n";
}

// A fence (``` or ~~~) opening a line, after any blockquote marks, indentation or list marker.
const fenceOpening = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)*(`{3,}|~{3,})/;

function lineEnd(source: string, from: number): number {
  const end = source.indexOf("\n", from);
  return end === -1 ? source.length : end;
}

/** Where the fenced code block opening at this line start ends (past its closing fence), or null when the line opens none. */
function fencedBlockEnd(source: string, lineStart: number): number | null {
  const fence = fenceOpening.exec(source.slice(lineStart, lineEnd(source, lineStart)))?.[1];
  if (!fence) return null;
  const closing = new RegExp(`^[ \\t>]*${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`);
  for (let start = lineEnd(source, lineStart) + 1; start < source.length; start = lineEnd(source, start) + 1) {
    if (closing.test(source.slice(start, lineEnd(source, start)))) return lineEnd(source, start);
  }
  // Unclosed: the block runs to the end, as in CommonMark.
  return source.length;
}

const runLength = (source: string, from: number, char: string) => {
  let end = from;
  while (source[end] === char) end++;
  return end - from;
};

/**
 * Scans the source once, left to right, and returns it with each formula
 * replaced by a placeholder. Code spans and fenced code blocks are skipped, so
 * math written inside them stays text and a formula never straddles code.
 * `\` escapes as in Markdown: `\\(` is a backslash and a parenthesis, `\$$` no
 * delimiter. A formula does not cross a blank line (neither does LaTeX math),
 * and one with nothing inside is no formula. Fenced blocks exist only in block
 * Markdown; inline Markdown has code spans alone.
 */
function extractFormulas(
  source: string,
  placeholder: (index: number) => string,
  { fencedBlocks }: { fencedBlocks: boolean },
): { text: string; formulas: Formula[] } {
  const formulas: Formula[] = [];
  let text = "";
  let copied = 0;
  // A failed search for a closing delimiter (or a closing backtick run of some
  // length) that stopped at position P fails again for any opening before P:
  // remembering P keeps the scan linear on text full of unclosed openings.
  const noCloseBefore = new Map<string, number>();

  const findClose = (key: string, from: number, isClose: (at: number) => boolean, backslashEscapes: boolean): number | null => {
    if ((noCloseBefore.get(key) ?? -1) > from) return null;
    let at = from;
    while (at < source.length) {
      if (source[at] === "\n" && blankLineAfter(source, at)) break;
      if (isClose(at)) return at;
      // In TeX a backslash takes the next character with it: `\\)` is a line break and a parenthesis.
      at += backslashEscapes && source[at] === "\\" ? 2 : 1;
    }
    noCloseBefore.set(key, at);
    return null;
  };

  let index = 0;
  while (index < source.length) {
    if (fencedBlocks && (index === 0 || source[index - 1] === "\n")) {
      const blockEnd = fencedBlockEnd(source, index);
      if (blockEnd !== null) {
        index = Math.max(blockEnd, index + 1);
        continue;
      }
    }
    const char = source[index];
    if (char === "`") {
      const length = runLength(source, index, "`");
      const isClose = (at: number) => source[at] === "`" && source[at - 1] !== "`" && runLength(source, at, "`") === length;
      const close = findClose(`code${length}`, index + length, isClose, false);
      index = close === null ? index + length : close + length;
      continue;
    }
    let delimiter: Delimiter | undefined;
    if (char === "\\") {
      // An even run of backslashes is escaped backslashes; an odd one escapes what follows.
      const backslashes = runLength(source, index, "\\");
      const escaped = backslashes % 2 === 1 ? source[index + backslashes] : undefined;
      const opening = index + backslashes - 1;
      delimiter = escaped === "(" || escaped === "[" ? delimiters.find((candidate) => source.startsWith(candidate.open, opening)) : undefined;
      if (!delimiter) {
        index += backslashes + (escaped === undefined ? 0 : 1);
        continue;
      }
      index = opening;
    } else if (source.startsWith("$$", index)) {
      delimiter = delimiters[2];
    }
    if (!delimiter) {
      index++;
      continue;
    }
    const contentStart = index + delimiter.open.length;
    const { close: closing } = delimiter;
    const close = findClose(`math${delimiter.open}`, contentStart, (at) => source.startsWith(closing, at), true);
    const tex = close === null ? "" : source.slice(contentStart, close);
    if (close === null || tex.trim() === "") {
      index = contentStart;
      continue;
    }
    const end = close + delimiter.close.length;
    text += source.slice(copied, index) + placeholder(formulas.length);
    formulas.push({ source: source.slice(index, end), tex, display: delimiter.display });
    copied = index = end;
  }
  return { text: text + source.slice(copied), formulas };
}

// --- Rendering and sanitising a formula -----------------------------------

// The MathML KaTeX writes, and nothing else: no href (some browsers follow it on
// any MathML element), no style, no class, no mglyph (an image) and no
// annotation-xml (which can hold HTML).
const mathTags = [
  "math", "semantics", "annotation",
  "mrow", "mi", "mn", "mo", "ms", "mspace", "mtext",
  "msub", "msup", "msubsup", "mfrac", "msqrt", "mroot", "mover", "munder", "munderover",
  "mtable", "mtr", "mtd", "mstyle", "mpadded", "mphantom", "menclose",
];
const presentationAttributes = [
  "mathvariant", "mathsize", "stretchy", "fence", "separator", "largeop", "minsize", "maxsize",
  "lspace", "rspace", "accent", "accentunder", "linebreak",
  "columnalign", "rowspacing", "columnspacing", "rowlines", "columnlines",
  "width", "height", "depth", "voffset", "scriptlevel", "displaystyle", "linethickness", "notation",
  "mathcolor", "mathbackground",
];

// KaTeX's own check on \color arguments: a hex colour or a colour name.
const colourPattern = /^(#[a-f0-9]{3,4}|#[a-f0-9]{6}|#[a-f0-9]{8}|[a-z]+)$/i;

const mathOptions: IOptions = {
  allowedTags: mathTags,
  allowedAttributes: {
    ...Object.fromEntries(mathTags.map((tag) => [tag, presentationAttributes])),
    math: [
      { name: "xmlns", multiple: false, values: ["http://www.w3.org/1998/Math/MathML"] },
      { name: "display", multiple: false, values: ["block", "inline"] },
    ],
    annotation: [{ name: "encoding", multiple: false, values: ["application/x-tex"] }],
  },
  allowedClasses: {},
  allowedStyles: {},
  allowedSchemes: [],
  // KaTeX's error markup (a span with the error as title, in red) goes; its text, the formula as written, stays.
  disallowedTagsMode: "discard",
  transformTags: {
    // Unsupported commands (\href without trust among them) come in the error
    // colour: shown plain, like any other text of the formula (an author's own
    // \color{#cc0000} goes with it).
    "*": (tagName, attribs) => {
      const safe = { ...attribs };
      for (const name of ["mathcolor", "mathbackground"]) {
        const value = safe[name];
        if (value !== undefined && (!colourPattern.test(value) || value.toLowerCase() === katexOptions.errorColor)) delete safe[name];
      }
      return { tagName, attribs: safe };
    },
  },
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function renderFormula(formula: Formula): string {
  if (formula.tex.length > maxFormulaLength) return escapeHtml(formula.source);
  let html: string;
  try {
    html = sanitizeHtml(katex.renderToString(formula.tex, { ...katexOptions, displayMode: formula.display }), mathOptions);
  } catch {
    // throwOnError: false covers parse errors only; anything else (a stack overflow) lands here.
    return escapeHtml(formula.source);
  }
  // A formula KaTeX could not parse comes back as its error markup, which the
  // sanitiser reduces to the TeX: show it as written, delimiters included.
  return html.startsWith("<math") ? html : escapeHtml(formula.source);
}

// --- Putting the formulas back --------------------------------------------

/**
 * A private-use character the source does not contain, to mark placeholders:
 * Markdown gives it no meaning, and neither marked nor sanitize-html changes it.
 * Null in the absurd case of a text holding all 6,400 of them.
 */
function freeMark(source: string): string | null {
  const used = new Set<number>();
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code >= 0xe000 && code <= 0xf8ff) used.add(code);
  }
  for (let code = 0xe000; code <= 0xf8ff; code++) if (!used.has(code)) return String.fromCharCode(code);
  return null;
}

// sanitize-html escapes `<` and `>` in text and attribute values, so in its
// output every `<` opens a tag and the next `>` closes it.
const tagOrText = /<[^>]*>|[^<]+/g;
const tagNamePattern = /^<(\/?)([a-z0-9]+)/i;

// The source as written, for an attribute: in an address marked percent-encodes
// it (and the placeholder with it), elsewhere it is text.
function writtenInTag(source: string, encoded: boolean): string {
  if (!encoded) return escapeHtml(source);
  try {
    return escapeHtml(encodeURI(source));
  } catch {
    // encodeURI refuses a lone surrogate.
    return "";
  }
}

/**
 * Replaces each placeholder in sanitised HTML: in text, by the rendered
 * formula; inside <code> (an indented code block, or raw HTML), by the formula
 * as written; inside a tag (a link's address, an image's alt), by the formula as
 * written, escaped for the attribute. The source starts with `\` or `$`, so
 * putting it back into an address cannot give the address a scheme.
 */
function insertFormulas(html: string, mark: string, formulas: readonly Formula[]): string {
  const encodedMark = encodeURIComponent(mark);
  const inText = new RegExp(`${mark}(\\d+)${mark}`, "g");
  const inTag = new RegExp(`(${mark}|${encodedMark})(\\d+)(?:${mark}|${encodedMark})`, "gi");
  const source = (index: string) => formulas[Number(index)]?.source ?? "";
  const written = (_match: string, index: string) => escapeHtml(source(index));
  const rendered = (_match: string, index: string) => {
    const formula = formulas[Number(index)];
    return formula ? renderFormula(formula) : "";
  };
  let codeDepth = 0;
  return html.replace(tagOrText, (part) => {
    if (part.startsWith("<")) {
      const [, closing, name] = tagNamePattern.exec(part) ?? [];
      if (name?.toLowerCase() === "code") codeDepth = Math.max(0, codeDepth + (closing ? -1 : 1));
      return part.replace(inTag, (_match, opening: string, index: string) => writtenInTag(source(index), opening !== mark));
    }
    return part.replace(inText, codeDepth > 0 ? written : rendered);
  });
}

function renderWithMath(written: string, render: (markdown: string) => string, fencedBlocks: boolean): string {
  // Lines end as marked ends them, so that blank lines and fences read the same to both.
  const source = written.replace(/\r\n?/g, "\n");
  const mark = freeMark(source);
  if (mark === null) return render(source);
  const { text, formulas } = extractFormulas(source, (index) => `${mark}${index}${mark}`, { fencedBlocks });
  if (formulas.length === 0) return render(source);
  return insertFormulas(render(text), mark, formulas);
}

/** renderMarkdown, with LaTeX between `\(`…`\)`, `\[`…`\]` or `$$`…`$$` rendered as MathML. */
export function renderMathMarkdown(source: string): string {
  return renderWithMath(source, renderMarkdown, true);
}

/** renderInlineMarkdown, with LaTeX rendered as MathML (display math included, as a block inside the line). */
export function renderMathInlineMarkdown(source: string): string {
  return renderWithMath(source, renderInlineMarkdown, false);
}
