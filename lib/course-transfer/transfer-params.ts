import { z } from "zod";

// The address parameters of a course download and of a package upload, shared by
// the teacher's routes, the API's contract (and so its OpenAPI document) and the
// server code; plain schemas, so the contract needs no server-only module.

export const courseExportFormats = ["backup", "backup-with-work", "cartridge"] as const;
export type CourseExportFormat = (typeof courseExportFormats)[number];

export const exportQuery = z.object({
  format: z.enum(courseExportFormats, { error: "Choose the format: backup, backup-with-work or cartridge." }).default("backup"),
});

/** The upload's query: the package's name on the uploader's computer (shown, never a path). */
export const packageUploadQuery = z.object({
  name: z.string().max(1000, "A file name has at most 1000 characters.").default(""),
});
