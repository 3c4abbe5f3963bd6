import type { ImportFormat } from "@/lib/question-formats/formats";
import type { ImportProblem, PortableFile, PortableQuestion } from "@/lib/question-formats/portable-question";
import { detectFileType } from "@/lib/storage/file-type";
import type { QuestionContent } from "../write-version";
import { parseImportFile } from "./parse-import-file";
import { portableToContent } from "./portable-to-content";

export interface PreparedQuestion {
  /** 1-based position among the questions the file holds. */
  number: number;
  title: string;
  type: QuestionContent["type"];
  points: number;
  /** Where it goes, below the category chosen for the import. */
  category: string[];
  tags: string[];
  /** What changes on the way in (points rounded, partial credit dropped). */
  notes: string[];
  content: QuestionContent;
}

export interface PreparedImport {
  questions: PreparedQuestion[];
  problems: ImportProblem[];
  /** Images the questions show, to store with them. */
  files: PortableFile[];
}

const titleOf = (question: PortableQuestion) => question.name.trim() || (question.text.length > 100 ? `${question.text.slice(0, 97)}…` : question.text);

const cleanTag = (tag: string) => tag.trim().replace(/\s+/g, " ").toLowerCase().replace(/,/g, " ").slice(0, 60);
const cleanPath = (path: string[]) => path.map((part) => part.replace(/[\u0000-\u001f]/g, " ").trim().slice(0, 120)).filter(Boolean).slice(0, 10);

/**
 * Everything an import would save, and everything it cannot read or keep, from
 * the file alone: what the preview shows, and what saving writes when the
 * teacher confirms (the file is read again then, so nothing is kept between).
 */
export function prepareImport(format: ImportFormat, data: Uint8Array, fileName: string): PreparedImport {
  const parsed = parseImportFile(format, data, fileName);
  const problems = [...parsed.problems];
  const questions: PreparedQuestion[] = [];
  for (const [index, question] of parsed.questions.entries()) {
    const converted = portableToContent(question);
    if (!converted.ok) {
      problems.push({ line: null, message: `Question ${index + 1} (“${titleOf(question)}”): ${converted.reason}` });
      continue;
    }
    questions.push({
      number: index + 1,
      title: titleOf(question),
      type: converted.content.type,
      points: converted.content.points,
      category: cleanPath(question.category),
      tags: [...new Set(question.tags.map(cleanTag).filter(Boolean))].slice(0, 20),
      notes: converted.notes,
      content: converted.content,
    });
  }
  // Only pictures are kept: a question file never needs anything else to show.
  const files = parsed.files.filter((file) => {
    const kind = detectFileType(file.data, file.name)?.kind;
    if (kind === "image") return true;
    problems.push({ line: null, file: file.name, message: `The file ${file.name} is not a PNG, JPEG, GIF or WebP image; questions showing it lose it.` });
    return false;
  });
  return { questions, problems, files };
}
