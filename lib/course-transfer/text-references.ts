import { fileReference, fileReferencePattern, lessonReference, lessonReferencePattern } from "./manifest";

// Text inside a course points at the course's own files and lessons by their
// addresses on this site, which name ids. A copy gets new ids, so on the way
// out those addresses become references (jeevi-file:<id>, jeevi-lesson:<id>)
// and on the way in the references become the new copies' addresses.

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const fileAddress = new RegExp(`/api/files/(?:questions|course)/(${uuid})`, "gi");

export const courseFilePath = (fileId: string) => `/api/files/course/${fileId}`;
export const lessonPath = (slug: string, lessonId: string) => `/learn/${slug}/${lessonId}`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Site text as the document keeps it: this course's file and lesson addresses become references. */
export function toManifestText(text: string, { slug, lessonIds }: { slug: string; lessonIds: ReadonlySet<string> }): string {
  if (!text.includes("/api/files/") && !text.includes("/learn/")) return text;
  const lessonAddress = new RegExp(`(?:https?://[^/\\s)"'<>]+)?/learn/${escapeRegExp(slug)}/(${uuid})(?![0-9a-f-])`, "gi");
  return text
    .replace(fileAddress, (_, id: string) => fileReference(id.toLowerCase()))
    .replace(lessonAddress, (whole, id: string) => (lessonIds.has(id.toLowerCase()) ? lessonReference(id.toLowerCase()) : whole));
}

export interface ReferenceTargets {
  /** The address of the new copy of a document file, or undefined when the document has no such file. */
  file: (id: string) => string | undefined;
  lesson: (id: string) => string | undefined;
}

/**
 * Document text as this site shows it. A reference to something the document
 * does not have becomes "#" (a link to nowhere rather than to a stranger's
 * file), and is returned so the import report can say so.
 */
export function fromManifestText(text: string, targets: ReferenceTargets): { text: string; missing: string[] } {
  if (!text.includes("jeevi-")) return { text, missing: [] };
  const missing: string[] = [];
  const resolved = text
    .replace(fileReferencePattern, (whole, id: string) => {
      const address = targets.file(id);
      if (address === undefined) missing.push(whole);
      return address ?? "#";
    })
    .replace(lessonReferencePattern, (whole, id: string) => {
      const address = targets.lesson(id);
      if (address === undefined) missing.push(whole);
      return address ?? "#";
    });
  return { text: resolved, missing };
}

/** Every file id a text refers to. */
export function referencedFiles(text: string): string[] {
  return [...text.matchAll(fileReferencePattern)].map((match) => match[1]!);
}
