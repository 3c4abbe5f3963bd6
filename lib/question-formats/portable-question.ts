// The one shape every exchange format reads into and writes from. An importer
// turns a file into PortableQuestion values (plus the problems it met, by line);
// the bank saves them; an exporter turns them back into a file. Keeping the
// formats apart from the database lets each be tested as plain functions, and
// makes a round trip (export, import again) a comparison of two arrays.

export const portableQuestionTypes = [
  "single_choice",
  "multiple_choice",
  "true_false",
  "short_answer",
  "numeric",
  "matching",
  "ordering",
  "cloze",
  "essay",
] as const;

export type PortableQuestionType = (typeof portableQuestionTypes)[number];

interface PortableBase {
  /** A short name for lists (Moodle's question name); "" when the format has none. */
  name: string;
  /**
   * The question as the student reads it, Markdown. LaTeX math stays as written
   * between `\(`…`\)` (inline) or `\[`…`\]` / `$$`…`$$` (display); the site renders it.
   */
  text: string;
  /** Positive whole number; formats without a weight give 1. */
  points: number;
  /** Shown on review after the attempt (general feedback). */
  explanation: string;
  /** The category path inside the bank, outermost first; [] is the import's own category. */
  category: string[];
  tags: string[];
}

export interface PortableChoice {
  text: string;
  /**
   * Share of the points this choice earns, in percent (-100..100). A right
   * choice is 100 (for single choice) or its share of 100 (for multiple choice);
   * a wrong one 0 or a penalty below 0.
   */
  weight: number;
  /** Shown on review next to this choice when the student picked it; "" for none. */
  feedback: string;
}

export interface SingleChoiceQuestion extends PortableBase {
  type: "single_choice";
  choices: PortableChoice[];
}

export interface MultipleChoiceQuestion extends PortableBase {
  type: "multiple_choice";
  choices: PortableChoice[];
}

export interface TrueFalseQuestion extends PortableBase {
  type: "true_false";
  answer: boolean;
  /** Feedback for a student who answered true / false. */
  feedbackTrue: string;
  feedbackFalse: string;
}

export interface ShortAnswerQuestion extends PortableBase {
  type: "short_answer";
  /** Compared case-insensitively after trimming; weight in percent (100 = full marks). */
  answers: { text: string; weight: number; feedback: string }[];
}

export interface NumericQuestion extends PortableBase {
  type: "numeric";
  /** Each accepted value with its tolerance (± absolute) and weight in percent. */
  answers: { value: number; tolerance: number; weight: number; feedback: string }[];
}

export interface MatchingQuestion extends PortableBase {
  type: "matching";
  /** Each prompt and its one right answer; at least two pairs. */
  pairs: { prompt: string; answer: string }[];
  /** Extra answers that match no prompt. */
  distractors: string[];
}

export interface OrderingQuestion extends PortableBase {
  type: "ordering";
  /** The items in their right order; shown shuffled. At least two. */
  items: string[];
}

export type ClozeGap =
  | { kind: "short_answer"; points: number; answers: { text: string; weight: number; feedback: string }[] }
  | { kind: "numeric"; points: number; answers: { value: number; tolerance: number; weight: number; feedback: string }[] }
  | { kind: "dropdown"; points: number; choices: PortableChoice[] };

export interface ClozeQuestion extends PortableBase {
  type: "cloze";
  /** `text` holds one marker `[[n]]` (1-based) per gap, in order; gaps[n-1] describes it. */
  gaps: ClozeGap[];
}

export interface EssayQuestion extends PortableBase {
  type: "essay";
  /** Guidance for the grader (Moodle's grader information); never shown to the student. */
  graderInfo: string;
}

export type PortableQuestion =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | TrueFalseQuestion
  | ShortAnswerQuestion
  | NumericQuestion
  | MatchingQuestion
  | OrderingQuestion
  | ClozeQuestion
  | EssayQuestion;

/** A part of the file that could not be read: where (1-based line, when the format has lines) and why. */
export interface ImportProblem {
  line: number | null;
  /** For zip packages, the entry the problem is in. */
  file?: string;
  message: string;
}

/**
 * A file a question embeds (an image in Moodle XML, a package resource in QTI).
 * Question text refers to it as `attachment:<name>` (e.g. `![](attachment:cell.png)`);
 * the bank stores the file and rewrites the reference to the stored file's address.
 */
export interface PortableFile {
  name: string;
  contentType: string;
  data: Uint8Array;
}

export interface ImportResult {
  questions: PortableQuestion[];
  problems: ImportProblem[];
  /** Embedded files, by the name the texts refer to. */
  files: PortableFile[];
}

/** The marker for gap `n` (1-based) in a cloze question's text. */
export const clozeMarker = (n: number): string => `[[${n}]]`;
export const clozeMarkerPattern = /\[\[(\d+)\]\]/g;

export const importLimits = {
  /** Whole upload: a text file, an XML file or a zip package. */
  fileBytes: 20 * 1024 * 1024,
  /** A zip's entries expanded, together. */
  expandedBytes: 100 * 1024 * 1024,
  // A package of the most questions an import reads holds an item file each, its images and a manifest.
  zipEntries: 5000,
  questions: 2000,
  textChars: 20_000,
} as const;
