import type { LessonValues } from "./schemas";

/**
 * The columns a lesson keeps for its kind. The editor keeps what was typed for
 * other kinds while the teacher switches between them; only what this kind
 * shows is stored, so a text lesson never carries a forgotten file or link.
 * The Markdown body is kept for every kind (the player shows it as notes).
 */
export function lessonColumns(values: LessonValues) {
  const common = { title: values.title, contentType: values.contentType, body: values.body, durationMinutes: values.durationMinutes };
  switch (values.contentType) {
    case "text":
      return { ...common, externalUrl: null, fileId: null };
    case "video":
      // An uploaded video is what the player shows, so a link beside it would be dead data.
      return values.fileId
        ? { ...common, externalUrl: null, fileId: values.fileId }
        : { ...common, externalUrl: values.externalUrl, fileId: null };
    case "file":
      return { ...common, externalUrl: null, fileId: values.fileId };
    case "url":
      return { ...common, externalUrl: values.externalUrl, fileId: null };
  }
}
