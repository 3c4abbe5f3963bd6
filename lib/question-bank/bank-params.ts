import { z } from "zod";
import { choiceParam, cleanText, firstParam, pageNumberParam, parseUrlParams, uuidParam } from "@/lib/url-params";
import { questionTypes } from "@/lib/quizzes/authoring/schemas";

// The bank page's filters, from its address (and the API's query string).

export const bankUsages = ["all", "used", "unused"] as const;
export type BankUsage = (typeof bankUsages)[number];
export const bankPageSize = 25;

const bankParamsSchema = z.object({
  q: cleanText(200).default(""),
  type: z.preprocess(firstParam, z.enum(questionTypes).optional().catch(undefined)),
  /** "none": uncategorised questions only. */
  category: z.preprocess(firstParam, z.union([z.literal("none"), z.uuid()]).optional().catch(undefined)),
  sub: choiceParam(["1", "0"], "1"),
  tag: cleanText(60).default(""),
  usage: choiceParam(bankUsages, "all"),
  page: pageNumberParam(),
  /** The quiz the teacher came from to add questions to. */
  quiz: uuidParam(),
});

export type BankParams = z.output<typeof bankParamsSchema>;

export const parseBankParams = (raw: unknown): BankParams => parseUrlParams(bankParamsSchema, raw);

/** The address of the bank with these filters (defaults left out). */
export function bankHref(courseId: string, params: Partial<BankParams>): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.type) search.set("type", params.type);
  if (params.category) search.set("category", params.category);
  if (params.sub === "0") search.set("sub", "0");
  if (params.tag) search.set("tag", params.tag);
  if (params.usage && params.usage !== "all") search.set("usage", params.usage);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  if (params.quiz) search.set("quiz", params.quiz);
  const query = search.toString();
  return `/teacher/courses/${courseId}/questions${query ? `?${query}` : ""}`;
}
