import { z } from "zod";
import { uploadKinds } from "./limits";

/** The upload route's query: which course, which kind of file, the file's name on the uploader's computer. */
export const uploadQuery = z.object({
  // Checked with the ownership rule; a malformed id reads as not found.
  courseId: z.string().max(100, "There is no such course.").default(""),
  kind: z.enum(uploadKinds, { error: "Say which kind of file this is: document or video." }),
  // Only a display name: sanitised before it is stored, never part of a path.
  name: z.string().max(1000, "A file name has at most 1000 characters.").default(""),
});

export type UploadQuery = z.output<typeof uploadQuery>;
