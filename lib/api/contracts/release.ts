import { z } from "zod";
import { releaseItemKinds } from "@/lib/pacing/release-rule";
import { timestampSchema } from "../contract";

// How the API shows an item not released to the caller yet (lib/pacing/lock-json.ts
// builds these fields; locked items list them, a `locked` problem carries them).

export const lockReasonSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("date"), opensAt: timestampSchema, message: z.string() }),
    z.object({
      kind: z.literal("enrolment_days"),
      days: z.number().int(),
      opensAt: timestampSchema.nullable().describe("Null when the caller is not enrolled."),
      message: z.string(),
    }),
    z.object({
      kind: z.literal("completed"),
      item: z.object({ kind: z.enum(releaseItemKinds), id: z.uuid() }),
      message: z.string(),
    }),
    z.object({ kind: z.literal("score"), taskId: z.uuid(), minPercent: z.number(), message: z.string() }),
  ])
  .describe("An unmet release condition; `message` words it for people, in the caller's time zone.");

/** The fields every module, lesson and task of an outline carries for the caller. */
export const lockFieldsShape = {
  locked: z.boolean().describe("True when the item is not released to the caller (a student) yet; its content is then refused (403 `locked`)."),
  lockedReasons: z.array(lockReasonSchema).describe("The unmet conditions; empty when open."),
  lockedSummary: z.array(z.string()).describe("The unmet conditions in words, \"…; or …\" where any one of them opens it."),
  opensAt: timestampSchema.nullable().describe("When it opens if only time stands in the way; null when open or unknown."),
};
