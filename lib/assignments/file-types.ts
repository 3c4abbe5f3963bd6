// The file types a teacher may allow for hand-ins, by the extension people know
// them by, and the type detected from a file's bytes that each one stands for.
// A submitted file is matched on its detected type, never on its name.
export const submissionFileTypes = {
  pdf: { label: "PDF", mimes: ["application/pdf"] },
  docx: { label: "Word (.docx)", mimes: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] },
  odt: { label: "OpenDocument text (.odt)", mimes: ["application/vnd.oasis.opendocument.text"] },
  xlsx: { label: "Excel (.xlsx)", mimes: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] },
  pptx: { label: "PowerPoint (.pptx)", mimes: ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] },
  txt: { label: "Plain text, Markdown or CSV", mimes: ["text/plain", "text/markdown", "text/csv"] },
  image: { label: "Images (PNG, JPEG, GIF, WebP)", mimes: ["image/png", "image/jpeg", "image/gif", "image/webp"] },
  zip: { label: "ZIP archive", mimes: ["application/zip"] },
} as const;

export type SubmissionFileType = keyof typeof submissionFileTypes;
export const submissionFileTypeKeys = Object.keys(submissionFileTypes) as SubmissionFileType[];

/** Whether a file whose content was detected as `mime` is one of the allowed types. */
export function mimeAllowed(mime: string, allowed: readonly string[]): boolean {
  return allowed.some((key) => (submissionFileTypes[key as SubmissionFileType]?.mimes as readonly string[] | undefined)?.includes(mime));
}

/** "PDF or Images (PNG, JPEG, GIF, WebP)", for messages and the hand-in form. */
export function describeAllowedTypes(allowed: readonly string[]): string {
  const labels = allowed.flatMap((key) => {
    const type = submissionFileTypes[key as SubmissionFileType];
    return type ? [type.label] : [];
  });
  if (labels.length <= 1) return labels[0] ?? "no files";
  return `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}
