import type { CourseManifest, TransferNote } from "@/lib/course-transfer/manifest";
import type { PackageSink } from "@/lib/course-transfer/package-io";
import { courseNotes } from "./course-notes";
import { fileResource, planFiles, writeFiles, type PackageFile } from "./files";
import { Identifiers } from "./identifiers";
import { lessonContent, planLesson, type LessonPlan } from "./lessons";
import { manifestXml } from "./manifest-xml";
import { outline } from "./outline";
import { hrefFromDescriptor } from "./package-paths";
import { questionBankContent, type QuestionSource } from "./qti12";
import { categoryPaths, planQuestionBanks } from "./random-draws";
import type { CartridgeDocument, CartridgeResource } from "./resources";
import type { ReferenceTargets } from "./rich-text";
import { taskContent } from "./tasks";
import { threadContent } from "./threads";

// The portable course document as an IMS Common Cartridge 1.3 package, for
// moving a course to another LMS (Moodle, Canvas, Blackboard, Brightspace).
// Everything is decided before a byte is written: where each part goes,
// then the pages and descriptors, then imsmanifest.xml, written first, then
// the documents and the files. What a cartridge cannot say is returned as
// notes, never dropped silently; the Jeevi backup format keeps all of it.

export const cartridgeManifestEntry = "imsmanifest.xml";

interface Parts {
  resources: CartridgeResource[];
  documents: CartridgeDocument[];
  notes: TransferNote[];
  /** The resource each outline key ("lesson:<id>", "task:<id>") opens. */
  opens: Map<string, string>;
}

function add(parts: Parts, key: string | null, content: { resource: CartridgeResource | null; document: CartridgeDocument | null; notes: TransferNote[] }) {
  if (content.resource) parts.resources.push(content.resource);
  if (content.document) parts.documents.push(content.document);
  parts.notes.push(...content.notes);
  if (key !== null && content.resource) parts.opens.set(key, content.resource.identifier);
}

function referenceTargets(files: ReadonlyMap<string, PackageFile>, lessons: ReadonlyMap<string, LessonPlan>): ReferenceTargets {
  return {
    file: (id) => {
      const file = files.get(id);
      return file && { href: hrefFromDescriptor(file.path), internal: true, dependency: file.identifier };
    },
    lesson: (id) => {
      const plan = lessons.get(id);
      return plan && plan.kind !== "none" ? plan.target : undefined;
    },
  };
}

export async function writeCartridge(
  manifest: CourseManifest,
  sink: PackageSink,
  openFile: (fileId: string) => Promise<AsyncIterable<Uint8Array>>,
): Promise<{ notes: TransferNote[] }> {
  const ids = new Identifiers();
  const description = {
    identifier: ids.of("manifest", "cartridge"),
    organization: ids.of("organization", "organization"),
    root: ids.of("root", "root"),
    title: manifest.course.title,
    description: manifest.course.description,
    keywords: [manifest.course.subject],
  };
  // A student's hand-in is work, not course material.
  const packageFiles = planFiles(manifest.files.filter((file) => file.role !== "submission"), ids);
  const files = new Map(packageFiles.map((file) => [file.file.id, file]));
  const lessons = new Map(manifest.lessons.map((lesson) => [lesson.id, planLesson(lesson, files, ids)]));
  const targets = referenceTargets(files, lessons);
  const pathOf = categoryPaths(manifest);
  const source: QuestionSource = { questions: new Map(manifest.questions.map((question) => [question.id, question])), categoryPath: pathOf, targets };

  const parts: Parts = { resources: [], documents: [], notes: [], opens: new Map() };
  for (const plan of lessons.values()) {
    const content = lessonContent(plan, targets);
    add(parts, null, content);
    if (content.identifierref !== null) parts.opens.set(`lesson:${plan.lesson.id}`, content.identifierref);
  }
  for (const task of manifest.tasks) add(parts, `task:${task.id}`, taskContent(task, ids, source));
  const banks = planQuestionBanks(manifest, ids);
  parts.notes.push(...banks.notes);
  for (const bank of banks.banks) add(parts, null, questionBankContent(bank.identifier, bank.categoryId, bank.questions, source));
  for (const thread of manifest.discussions) add(parts, null, threadContent(thread, ids, targets));
  parts.resources.push(...packageFiles.map(fileResource));

  const used = new Set([
    ...manifest.tasks.flatMap((task) => task.quiz?.slots.flatMap((slot) => (slot.questionId === null ? [] : [slot.questionId])) ?? []),
    ...banks.banks.flatMap((bank) => bank.questions.map((question) => question.id)),
  ]);
  parts.notes.unshift(...courseNotes(manifest, used));

  const items = outline(manifest, ids, (key) => parts.opens.get(key) ?? null);
  await sink.add(cartridgeManifestEntry, manifestXml(description, items, parts.resources));
  for (const document of parts.documents) await sink.add(document.path, document.content);
  await writeFiles(sink, packageFiles, openFile);
  return { notes: parts.notes };
}
