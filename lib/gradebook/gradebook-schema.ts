import { z } from "zod";
import { cleanText, firstParam, pageNumberParam, parseUrlParams, uuidParam } from "@/lib/url-params";

export const gradebookParamsSchema = z.object({
  q: z.preprocess(firstParam, cleanText(100)),
  page: pageNumberParam(),
  section: uuidParam(),
});
export type GradebookParams = z.output<typeof gradebookParamsSchema>;

/** Parses the gradebook's URL search parameters; never throws. */
export const parseGradebookParams = (raw: unknown): GradebookParams => parseUrlParams(gradebookParamsSchema, raw);

export const gradebookPageSize = 50;
