// Moodle's embedded answers (Cloze) syntax, as qtype_multianswer reads it:
// {2:SHORTANSWER:=Berlin#Right!~%50%Bonn#Half~*#Wrong}. Points before the
// first colon (1 when empty), the type, then alternatives split by "~", each
// "=" (full marks) or "%50%" (a share, may be negative or decimal), the
// answer, and "#feedback". Inside a gap "\}", "\#", "\~", "\/", "\"" and "\\"
// are the literal characters, and a "#" straight after "&" belongs to an HTML
// entity (&#123;), not to the feedback. The text is HTML, so answers may hold
// tags and entities; this module only cuts, it does not convert.

export type GapType = "short_answer" | "short_answer_case" | "numeric" | "dropdown" | "multiresponse";

const gapTypes: Record<string, GapType> = {
  SHORTANSWER: "short_answer", SA: "short_answer", MW: "short_answer",
  SHORTANSWER_C: "short_answer_case", SAC: "short_answer_case", MWC: "short_answer_case",
  NUMERICAL: "numeric", NM: "numeric",
  MULTICHOICE: "dropdown", MC: "dropdown", MULTICHOICE_V: "dropdown", MCV: "dropdown", MULTICHOICE_H: "dropdown", MCH: "dropdown",
  MULTICHOICE_S: "dropdown", MCS: "dropdown", MULTICHOICE_VS: "dropdown", MCVS: "dropdown", MULTICHOICE_HS: "dropdown", MCHS: "dropdown",
  MULTIRESPONSE: "multiresponse", MR: "multiresponse", MULTIRESPONSE_H: "multiresponse", MRH: "multiresponse",
  MULTIRESPONSE_S: "multiresponse", MRS: "multiresponse", MULTIRESPONSE_HS: "multiresponse", MRHS: "multiresponse",
};

export interface RawAlternative {
  weight: number;
  /** The answer as written (HTML), escapes resolved. */
  answer: string;
  feedback: string;
}

export interface RawGap {
  points: number;
  type: GapType;
  /** The type as written (SAC, MCV…), for messages. */
  code: string;
  alternatives: RawAlternative[];
}

const unescapeGap = (text: string) => text.replace(/\\([}#~/"\\])/g, "$1");

/** The index of the first unescaped `char` at or after `from` (for "#", not one that follows "&" or "&amp;"); -1 when none. */
function findUnescaped(text: string, char: string, from = 0): number {
  for (let index = from; index < text.length; index++) {
    const current = text[index];
    if (current === "\\") index++;
    else if (current === char && !(char === "#" && /&(?:amp;)?$/.test(text.slice(Math.max(0, index - 5), index)))) return index;
  }
  return -1;
}

function splitUnescaped(text: string, char: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let index = findUnescaped(text, char); index !== -1; index = findUnescaped(text, char, start)) {
    parts.push(text.slice(start, index));
    start = index + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

function readAlternative(text: string): RawAlternative | null {
  let weight = 0;
  let rest = text;
  const share = /^%(-?\d+(?:[.,]\d*)?)%/.exec(rest);
  if (rest.startsWith("=")) {
    weight = 100;
    rest = rest.slice(1);
  } else if (share !== null) {
    weight = Number(share[1]!.replace(",", "."));
    rest = rest.slice(share[0].length);
  }
  const hash = findUnescaped(rest, "#");
  const answer = unescapeGap(hash === -1 ? rest : rest.slice(0, hash));
  if (answer.trim() === "") return null;
  return { weight, answer, feedback: hash === -1 ? "" : unescapeGap(rest.slice(hash + 1)) };
}

const gapStart = /\{(\d*):([A-Z_]+):/g;

/**
 * Takes the gaps out of a question text: each becomes `marker(n)` (1-based,
 * in order) and is returned cut into its parts. A brace that does not open a
 * well-formed gap is left as text, as Moodle leaves it.
 */
export function extractGaps(text: string, marker: (n: number) => string): { text: string; gaps: RawGap[] } {
  const gaps: RawGap[] = [];
  let output = "";
  let position = 0;
  const pattern = new RegExp(gapStart.source, "g");
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const type = gapTypes[match[2]!];
    const bodyStart = match.index + match[0].length;
    const end = type === undefined ? -1 : findUnescaped(text, "}", bodyStart);
    if (type === undefined || end === -1) {
      pattern.lastIndex = match.index + 1;
      continue;
    }
    const alternatives = splitUnescaped(text.slice(bodyStart, end), "~")
      .map(readAlternative)
      .filter((alternative): alternative is RawAlternative => alternative !== null);
    gaps.push({ points: match[1] === "" ? 1 : Number(match[1]), type, code: match[2]!, alternatives });
    output += text.slice(position, match.index) + marker(gaps.length);
    position = end + 1;
    pattern.lastIndex = position;
  }
  return { text: output + text.slice(position), gaps };
}

// Writing: the characters the syntax reads are written as HTML character
// references, which Moodle decodes after cutting (html_entity_decode) and
// which never look like syntax: Moodle itself unescapes only "\}" and "\#",
// so a "\~" or "\\" would reach its students with the backslash.
const references: Record<string, string> = { "\\": "&#92;", "}": "&#125;", "~": "&#126;", "#": "&#35;" };

/** An answer or feedback (HTML) made safe inside a gap. */
export function escapeGapHtml(html: string): string {
  return html
    .replace(/&#|[\\}~#]/g, (found) => references[found] ?? found)
    .replace(/^=/, "&#61;")
    .replace(/^%/, "&#37;");
}

export interface GapToWrite {
  points: number;
  type: "SHORTANSWER" | "NUMERICAL" | "MULTICHOICE";
  /** Answers and feedback already as gap-safe HTML (see escapeGapHtml). */
  alternatives: { weight: number; answer: string; feedback: string }[];
}

const weightPrefix = (weight: number) => (weight === 100 ? "=" : weight === 0 ? "" : `%${weight}%`);

export function writeGap({ points, type, alternatives }: GapToWrite): string {
  const body = alternatives.map(({ weight, answer, feedback }) => `${weightPrefix(weight)}${answer}${feedback === "" ? "" : `#${feedback}`}`).join("~");
  return `{${points}:${type}:${body}}`;
}
