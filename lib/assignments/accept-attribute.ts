import { submissionFileTypes, type SubmissionFileType } from "./file-types";

const extensions: Record<SubmissionFileType, string[]> = {
  pdf: [".pdf"],
  docx: [".docx"],
  odt: [".odt"],
  xlsx: [".xlsx"],
  pptx: [".pptx"],
  txt: [".txt", ".md", ".csv"],
  image: [".png", ".jpg", ".jpeg", ".gif", ".webp"],
  zip: [".zip"],
};

/** The file picker's `accept` list for the allowed types; the server still checks each file's content. */
export function acceptAttribute(allowed: readonly string[]): string {
  return allowed
    .filter((key): key is SubmissionFileType => key in submissionFileTypes)
    .flatMap((key) => extensions[key])
    .join(",");
}
