import { z } from "zod";
import { cleanText, firstParam, stripControls } from "@/lib/url-params";

export const catalogueSorts = ["relevance", "newest", "popular", "title"] as const;
export type CatalogueSort = (typeof catalogueSorts)[number];

export const cataloguePageSize = 12;
const maxQueryLength = 200;
const maxSubjectLength = 60;
// Far past any real catalogue, and small enough that the OFFSET stays an integer.
const maxPage = 100_000;

// Every field falls back to its default instead of failing: the catalogue URL is
// typed and shared by people, and a bad parameter must still show a page.
const paramsSchema = z.object({
  q: z.preprocess(firstParam, cleanText(maxQueryLength)),
  subject: z.preprocess(
    firstParam,
    z
      .string()
      .catch("")
      .transform((value) => stripControls(value).trim())
      .transform((value) => (value && value.length <= maxSubjectLength ? value : undefined)),
  ),
  sort: z.preprocess(firstParam, z.enum(catalogueSorts).optional().catch(undefined)),
  page: z.preprocess(firstParam, z.coerce.number().int().min(1).max(maxPage).catch(1)),
});

/** What a catalogue query needs; `searchCatalogue` takes exactly this. */
export interface CatalogueSearch {
  q: string;
  subject?: string;
  sort: CatalogueSort;
  page: number;
}

export interface CatalogueParams extends CatalogueSearch {
  /** The sort the URL asked for, kept in links; `sort` is the one applied. */
  requestedSort?: CatalogueSort;
}

/** Relevance when there is something to match, else the most enrolled first. */
export function effectiveSort(q: string, requested: CatalogueSort | undefined): CatalogueSort {
  if (!q) return requested && requested !== "relevance" ? requested : "popular";
  return requested ?? "relevance";
}

/** Parses the catalogue's URL search parameters; never throws. */
export function parseCatalogueParams(raw: unknown): CatalogueParams {
  // Each field already falls back on its own; only a non-object as a whole can fail.
  const result = paramsSchema.safeParse(raw);
  const parsed = result.success ? result.data : paramsSchema.parse({});
  return {
    q: parsed.q,
    subject: parsed.subject,
    sort: effectiveSort(parsed.q, parsed.sort),
    requestedSort: parsed.sort,
    page: parsed.page,
  };
}

/** The catalogue URL for these parameters, leaving out defaults so links stay short. */
export function catalogueHref(params: {
  q?: string;
  subject?: string;
  requestedSort?: CatalogueSort;
  page?: number;
}): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.subject) search.set("subject", params.subject);
  if (params.requestedSort) search.set("sort", params.requestedSort);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return query ? `/courses?${query}` : "/courses";
}
