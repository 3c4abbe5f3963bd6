import { z } from "zod";
import { uploadKinds } from "./limits";

/** The upload route's query: which course, which kind of file, the file's name on the uploader's computer. */
export const uploadQuery = z.object({
  // Checked with the ownership rule; a malformed id reads as not found.
  courseId: z.string().default(""),
  kind: z.enum(uploadKinds, { error: "Say which kind of file this is: document or video." }),
  // Only a display name: sanitised before it is stored, never part of a path.
  name: z.string().default(""),
});

export type UploadQuery = z.output<typeof uploadQuery>;
