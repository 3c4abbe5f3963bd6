import { classifyLink } from "@/lib/content/safe-url";
import type { ManifestLesson, TransferNote } from "@/lib/course-transfer/manifest";
import type { PackageFile } from "./files";
import type { Identifiers } from "./identifiers";
import { hrefFromDescriptor, lessonPagePath } from "./package-paths";
import type { CartridgeDocument, CartridgeResource } from "./resources";
import type { ReferenceTargets, TextTarget } from "./rich-text";
import { textLessonContent } from "./web-content";
import { webLinkContent } from "./web-link";

// Each lesson becomes the resource a cartridge has for it: a text lesson a
// web page, a file or uploaded video lesson the file itself, a link lesson
// (or a video played from a provider's address) a web link. Where a lesson
// is read is decided for all lessons first, so a lesson's text can link to
// any other lesson, before or after it.

export type LessonPlan =
  | { kind: "page"; lesson: ManifestLesson; identifier: string; target: TextTarget }
  | { kind: "file"; lesson: ManifestLesson; file: PackageFile; target: TextTarget }
  | { kind: "link"; lesson: ManifestLesson; identifier: string; url: string; target: TextTarget }
  | { kind: "none"; lesson: ManifestLesson; reason: string };

const where = (lesson: ManifestLesson) => `Lesson “${lesson.title}”`;

export function planLesson(lesson: ManifestLesson, files: ReadonlyMap<string, PackageFile>, ids: Identifiers): LessonPlan {
  if (lesson.contentType === "text") {
    const identifier = ids.of(`lesson:${lesson.id}`, lesson.id);
    return { kind: "page", lesson, identifier, target: { href: hrefFromDescriptor(lessonPagePath(identifier)), internal: true } };
  }
  if ((lesson.contentType === "file" || lesson.contentType === "video") && lesson.fileId !== null) {
    const file = files.get(lesson.fileId);
    if (file === undefined) return { kind: "none", lesson, reason: "Its file is not in the course, so the lesson is left out of the cartridge." };
    return { kind: "file", lesson, file, target: { href: hrefFromDescriptor(file.path), internal: true, dependency: file.identifier } };
  }
  const url = lesson.externalUrl?.trim() ?? "";
  if (url === "") return { kind: "none", lesson, reason: "It has neither a file nor an address, so the lesson is left out of the cartridge." };
  if (classifyLink(url) !== "web") return { kind: "none", lesson, reason: "Its address is not a web address (http or https), so the lesson is left out of the cartridge." };
  return { kind: "link", lesson, identifier: ids.of(`lesson:${lesson.id}`, lesson.id), url, target: { href: url, internal: false } };
}

export interface LessonContent {
  /** The resource the lesson's item opens; null when the lesson is left out. */
  identifierref: string | null;
  resource: CartridgeResource | null;
  document: CartridgeDocument | null;
  notes: TransferNote[];
}

export function lessonContent(plan: LessonPlan, targets: ReferenceTargets): LessonContent {
  const { lesson } = plan;
  const notes: TransferNote[] = [];
  if (plan.kind === "none") return { identifierref: null, resource: null, document: null, notes: [{ where: where(lesson), message: plan.reason }] };
  if (plan.kind === "page") {
    const page = textLessonContent(lesson, plan.identifier, targets);
    for (const reference of page.missing) notes.push({ where: where(lesson), message: `Its text refers to ${reference}, which the course does not hold; the link goes nowhere.` });
    return { identifierref: plan.identifier, resource: page.resource, document: page.document, notes };
  }
  // A file or link resource is the file or address alone: there is no page to carry the lesson's own text.
  if (lesson.body.trim() !== "") notes.push({ where: where(lesson), message: `A cartridge's ${plan.kind === "file" ? "file" : "link"} has no text of its own, so the lesson's text is left out.` });
  if (plan.kind === "file") return { identifierref: plan.file.identifier, resource: null, document: null, notes };
  if (lesson.contentType === "video") notes.push({ where: where(lesson), message: "A cartridge has no video from an address: the video is written as a link to it." });
  const link = webLinkContent(plan.identifier, lesson.title, plan.url);
  return { identifierref: plan.identifier, resource: link.resource, document: link.document, notes };
}
