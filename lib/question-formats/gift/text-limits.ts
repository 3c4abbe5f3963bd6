import { importLimits, type ImportResult } from "../portable-question";

// The text importers refuse what no teacher's question file is, before
// reading a character of it: a text longer than the upload limit.

const encoder = new TextEncoder();

/** Whether the text takes more UTF-8 bytes than an import reads. */
export function tooLongToImport(text: string): boolean {
  // A UTF-16 unit takes at most three UTF-8 bytes, so most texts need no encoding to decide.
  if (text.length * 3 <= importLimits.fileBytes) return false;
  if (text.length > importLimits.fileBytes) return true;
  return encoder.encode(text).byteLength > importLimits.fileBytes;
}

export const refusedAsTooLong = (): ImportResult => ({
  questions: [],
  problems: [{ line: null, message: `The file is larger than ${importLimits.fileBytes / (1024 * 1024)} MB, the most an import reads.` }],
  files: [],
});

/**
 * The longest question block read: a question's text may take
 * importLimits.textChars, and its answers and feedback a few times that. A
 * longer block is no question the bank could hold, and converting it (HTML
 * above all) would only cost time.
 */
export const questionSourceChars = importLimits.textChars * 5;

export const tooManyQuestionsMessage = `The file has more than ${importLimits.questions} questions; only the first ${importLimits.questions} were read. Split it into smaller files to import the rest.`;
