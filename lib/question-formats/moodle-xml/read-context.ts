import type { ImportProblem } from "../portable-question";
import type { EmbeddedFiles } from "./embedded-files";

// What reading one question needs besides its XML: where it starts (every
// problem about it points there), its name (so a problem says which question),
// the import's files, and the list problems go to.

export interface ReadContext {
  readonly line: number | null;
  readonly files: EmbeddedFiles;
  /** Records a problem about this question; the question may still be imported. */
  problem(message: string): void;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function createReadContext(line: number | null, name: string, files: EmbeddedFiles, problems: ImportProblem[]): ReadContext {
  const label = name.trim().length > 40 ? `${name.trim().slice(0, 40)}…` : name.trim();
  return {
    line,
    files,
    problem(message) {
      problems.push({ line, message: label === "" ? capitalised(message) : `“${label}”: ${message}` });
    },
  };
}
