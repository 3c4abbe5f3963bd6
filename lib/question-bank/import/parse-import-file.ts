import { parseAiken } from "@/lib/question-formats/aiken/parse-aiken";
import type { ImportFormat } from "@/lib/question-formats/formats";
import { parseGift } from "@/lib/question-formats/gift/parse-gift";
import { parseMoodleXml } from "@/lib/question-formats/moodle-xml/parse-moodle-xml";
import { importLimits, type ImportResult } from "@/lib/question-formats/portable-question";
import { parseQtiPackage } from "@/lib/question-formats/qti/parse-qti";

const failed = (message: string): ImportResult => ({ questions: [], problems: [{ line: null, message }], files: [] });

/** A text file as UTF-8 (a byte order mark dropped); null when it is not UTF-8 text at all. */
function decodeText(data: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return null;
  }
}

/** Reads an uploaded file in the chosen format; never throws, whatever the bytes. */
export function parseImportFile(format: ImportFormat, data: Uint8Array, fileName: string): ImportResult {
  if (data.byteLength === 0) return failed("The file is empty.");
  if (data.byteLength > importLimits.fileBytes) return failed(`The file is larger than ${importLimits.fileBytes / (1024 * 1024)} MB, the most an import reads.`);
  try {
    if (format === "qti") return parseQtiPackage(data, fileName);
    const text = decodeText(data);
    if (text === null) return failed("The file is not UTF-8 text. Save it as UTF-8 (or export it again) and import it again.");
    if (format === "gift") return parseGift(text);
    if (format === "aiken") return parseAiken(text);
    return parseMoodleXml(text);
  } catch {
    // The parsers are written never to throw; should one ever do, the teacher still gets an answer, not a 500.
    return failed("The file could not be read in this format. Check that you chose the right format.");
  }
}
