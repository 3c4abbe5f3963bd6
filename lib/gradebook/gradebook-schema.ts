import { z } from "zod";

export const gradebookParamsSchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type GradebookParams = z.output<typeof gradebookParamsSchema>;

export const gradebookPageSize = 50;
