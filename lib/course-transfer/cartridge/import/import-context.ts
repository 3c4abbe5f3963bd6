import type { ManifestCategory, ManifestFile, ManifestLesson, ManifestModule, ManifestQuestion, ManifestTask, ManifestThread, TransferNote } from "../../manifest";
import { cleanOneLine } from "@/lib/text/one-line";
import type { PackageSource } from "../../package-io";
import { EntryIndex, extensionOf, fileNameOf } from "./cartridge-paths";
import { IdAllocator } from "./id-allocator";
import { mimeTypeOf } from "./media-types";
import { readPackageText } from "./package-text";
import type { CartridgeManifest } from "./read-manifest";

// What the mappers share while one cartridge is read: the document being
// built, the report's notes, the files it will carry, and the lookups that tie
// a page's links to lessons and a quiz's references to bank questions.

export interface CourseDraft {
  modules: ManifestModule[];
  lessons: ManifestLesson[];
  tasks: ManifestTask[];
  questionCategories: ManifestCategory[];
  questions: ManifestQuestion[];
  discussions: ManifestThread[];
  files: ManifestFile[];
}

// The document's own limits (lib/course-transfer/manifest.ts).
const draftLimits: Record<keyof CourseDraft, number> = {
  modules: 10_000,
  lessons: 100_000,
  tasks: 10_000,
  questionCategories: 10_000,
  questions: 100_000,
  discussions: 10_000,
  files: 100_000,
};

const limitNames: Record<keyof CourseDraft, string> = {
  modules: "modules",
  lessons: "lessons",
  tasks: "quizzes and assignments",
  questionCategories: "question categories",
  questions: "questions",
  discussions: "discussions",
  files: "files",
};

export class ImportContext {
  readonly notes: TransferNote[] = [];
  readonly draft: CourseDraft = { modules: [], lessons: [], tasks: [], questionCategories: [], questions: [], discussions: [], files: [] };
  /** Manifest file id to the entry it is read from. */
  readonly filePaths = new Map<string, string>();
  readonly ids = new IdAllocator();
  readonly entries: EntryIndex;
  /** Entries the course uses (read, linked or carried), so resources that only hold them are not reported as left out. */
  readonly usedPaths = new Set<string>();
  /** A page's entry path to the lesson it became. */
  readonly lessonByPath = new Map<string, string>();
  /** Resource descriptors (a topic's, a quiz's XML): links to them are not links to files. */
  readonly descriptorPaths = new Set<string>();
  /** A bank item's ident to its question, and a bank's ident (or resource identifier) to its category. */
  readonly bankQuestions = new Map<string, string>();
  readonly bankCategories = new Map<string, string>();
  private readonly fileIds = new Map<string, string>();
  private readonly noted = new Set<string>();
  private readonly full = new Set<keyof CourseDraft>();
  private taskPosition = 0;

  constructor(
    readonly source: PackageSource,
    readonly cartridge: CartridgeManifest,
  ) {
    this.entries = new EntryIndex(source.names());
  }

  note(where: string, message: string) {
    const key = `${where}\u0000${message}`;
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.notes.push({ where, message });
  }

  /** Whether one more record of the kind fits the document; says so once when it does not. */
  room(kind: keyof CourseDraft): boolean {
    if (this.draft[kind].length < draftLimits[kind]) return true;
    if (!this.full.has(kind)) this.note("Course", `A course holds at most ${draftLimits[kind]} ${limitNames[kind]}; the rest were left out.`);
    this.full.add(kind);
    return false;
  }

  /** The document's file for an entry in a role, added once; null when the document is full. */
  fileFor(path: string, role: ManifestFile["role"]): string | null {
    const key = `${role}\u0000${path}`;
    const known = this.fileIds.get(key);
    if (known) return known;
    if (!this.room("files")) return null;
    const id = this.ids.take("file", null);
    const size = this.source.sizeOf(path);
    const mimeType = mimeTypeOf(extensionOf(path));
    this.draft.files.push({ id, name: fileNameOf(path).slice(0, 255), role, ...(mimeType ? { mimeType } : {}), ...(size !== null ? { sizeBytes: size } : {}) });
    this.filePaths.set(id, path);
    this.fileIds.set(key, id);
    this.usedPaths.add(path);
    return id;
  }

  /** An XML or HTML entry's text; null, with a note, when it cannot be read. */
  async readText(path: string, where: string): Promise<string | null> {
    this.usedPaths.add(path);
    const read = await readPackageText(this.source, path);
    if (read.ok) return read.text;
    this.note(where, `${path} could not be read: ${read.message}`);
    return null;
  }

  /** A question category, its name made unique among its siblings (the bank requires it); null when the document is full. */
  addCategory(name: string, parentId: string | null, preferredId: string | null): string | null {
    if (!this.room("questionCategories")) return null;
    const siblings = new Set(this.draft.questionCategories.filter((category) => category.parentId === parentId).map((category) => category.name.toLowerCase()));
    const base = cleanOneLine(name).slice(0, 110) || "Questions";
    let unique = base;
    for (let n = 2; siblings.has(unique.toLowerCase()); n++) unique = `${base} (${n})`;
    const id = this.ids.take("category", preferredId);
    this.draft.questionCategories.push({ id, parentId, name: unique });
    return id;
  }

  nextTaskPosition(): number {
    return this.taskPosition++;
  }
}
