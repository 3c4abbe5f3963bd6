import { importLimits, type ImportProblem, type ImportResult, type PortableQuestion } from "../portable-question";
import { unsafeXmlReason } from "../xml/refuse-unsafe-xml";
import { readCategoryPath } from "./category-path";
import { EmbeddedFiles } from "./embedded-files";
import { readName } from "./read-common";
import { createReadContext } from "./read-context";
import { readerFor } from "./question-readers";
import { questionStartLines } from "./question-lines";
import { attribute, child, children, nestedText, readXmlDocument, textOf, type XmlElement } from "./xml-tree";

// Moodle XML (docs.moodle.org/en/Moodle_XML_format) as Moodle 4.x exports it:
// a <quiz> of <question type="…"> elements, a category pseudo-question before
// each category's questions, texts in CDATA with their format, images as
// base64 <file> elements. Whatever the input, the result is questions and
// problems; nothing throws.

const failed = (message: string, line: number | null = null): ImportResult => ({ questions: [], problems: [{ line, message }], files: [] });

/** UTF-8 size without encoding the whole text: only text near the limit is measured exactly. */
function tooLarge(text: string): boolean {
  if (text.length > importLimits.fileBytes) return true;
  if (text.length * 3 <= importLimits.fileBytes) return false;
  return new TextEncoder().encode(text).length > importLimits.fileBytes;
}

/** The category a category pseudo-question sets: <category><text>path</text></category> (older files: the path alone). */
function categoryOf(question: XmlElement): string[] {
  const element = child(question, "category");
  return readCategoryPath(child(element, "text") === undefined ? textOf(element) : nestedText(question, "category"));
}

export function parseMoodleXml(xml: string): ImportResult {
  if (tooLarge(xml)) return failed(`The file is larger than ${importLimits.fileBytes / (1024 * 1024)} MB, the most an import reads.`);
  // XML cannot hold NUL; a file with some is damaged, and the rest may still read.
  const problems: ImportProblem[] = [];
  let source = xml.replace(/^\uFEFF/, "");
  if (source.includes("\u0000")) {
    source = source.replace(/\u0000/g, "");
    problems.push({ line: null, message: "The file contains NUL characters, which XML cannot hold; they were removed." });
  }
  if (source.trim() === "") return failed("The file is empty.");
  const unsafe = unsafeXmlReason(source);
  if (unsafe !== null) return failed(unsafe);
  const document = readXmlDocument(source);
  if (!document.ok) return { questions: [], problems: [...problems, { line: document.line, message: document.message }], files: [] };
  if (document.rootName !== "quiz") return failed(`This is not a Moodle XML question file: it has no <quiz> element (its outer element is <${document.rootName}>).`);

  const lines = questionStartLines(source);
  const files = new EmbeddedFiles();
  const questions: PortableQuestion[] = [];
  let category: string[] = [];
  for (const [index, element] of children(document.root, "question").entries()) {
    const line = lines[index] ?? null;
    const type = (attribute(element, "type") ?? "").trim();
    if (type === "category") {
      category = categoryOf(element);
      continue;
    }
    if (questions.length >= importLimits.questions) {
      problems.push({ line, message: `The file has more than ${importLimits.questions} questions; only the first ${importLimits.questions} were read.` });
      break;
    }
    const context = createReadContext(line, readName(element), files, problems);
    const reader = readerFor(type);
    if (typeof reader === "string") {
      context.problem(reader);
      continue;
    }
    const question = reader(element, category, context);
    if (question !== null) questions.push(question);
  }
  if (questions.length === 0 && problems.length === 0) problems.push({ line: null, message: "The file holds no questions." });
  return { questions, problems, files: files.files };
}
