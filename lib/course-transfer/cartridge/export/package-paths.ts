// Where each part sits in the package. Every page and XML descriptor is one
// folder below the root, so a reference from any of them to a file is the
// same relative path, "../web_resources/…", which a browser opening the page
// from the unpacked package and an importer resolving it both understand.

// Path separators, characters Windows refuses and controls would make another path or none.
const unsafeInName = /[\u0000-\u001f\u007f/\\:*?"<>|]/g;

/** The uploaded name, made safe as one path segment; kept as close to the original as possible. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(unsafeInName, "_").replace(/^[\s.]+|[\s.]+$/g, "");
  if (cleaned === "") return "file";
  if (cleaned.length <= 150) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 12 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 150 - extension.length) + extension;
}

/** A file in its own folder (named by its identifier), so two files called "notes.pdf" never meet. */
export const filePath = (identifier: string, name: string) => `web_resources/${identifier}/${safeFileName(name)}`;
export const lessonPagePath = (identifier: string) => `lessons/${identifier}.html`;
export const webLinkPath = (identifier: string) => `links/${identifier}.xml`;
export const assessmentPath = (identifier: string) => `assessments/${identifier}.xml`;
export const questionBankPath = (identifier: string) => `question_banks/${identifier}.xml`;
export const assignmentPath = (identifier: string) => `assignments/${identifier}.xml`;
export const topicPath = (identifier: string) => `discussions/${identifier}.xml`;

/** A package path as a page or descriptor (one folder down) refers to it: relative, each segment percent-encoded. */
export const hrefFromDescriptor = (path: string) => `../${path.split("/").map(encodeURIComponent).join("/")}`;
