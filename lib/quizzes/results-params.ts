import { z } from "zod";
import { cleanText, firstParam, uuidParam } from "@/lib/url-params";

// The teacher's attempts table: its sort, filter, search and page live in the
// URL, so every view has an address and the page works without JavaScript.

export const attemptSorts = ["student", "attempt", "status", "started", "submitted", "duration", "score"] as const;
export type AttemptSort = (typeof attemptSorts)[number];

/** What the status filter offers: the stored statuses, and open attempts past their deadline. */
export const attemptStates = ["in_progress", "closing", "submitted", "expired"] as const;
export type AttemptState = (typeof attemptStates)[number];

export const attemptStateLabels: Record<AttemptState, string> = {
  in_progress: "In progress",
  closing: "Time is up (closing)",
  submitted: "Submitted",
  expired: "Expired",
};

export const attemptsPageSize = 20;
const maxSearchLength = 100;
const maxPage = 100_000;

export interface AttemptsQuery {
  q: string;
  status?: AttemptState;
  sort: AttemptSort;
  dir: "asc" | "desc";
  page: number;
  /** The "Section" filter: only that section's students (a section of another course lists nobody). */
  section?: string;
}

/** The newest attempts first unless asked otherwise. */
export const defaultAttemptsQuery: AttemptsQuery = { q: "", sort: "started", dir: "desc", page: 1 };

// Every field falls back to its default instead of failing: a hand-edited or
// stale URL still shows the table.
const paramsSchema = z.object({
  q: z.preprocess(firstParam, cleanText(maxSearchLength)),
  status: z.preprocess(firstParam, z.enum(attemptStates).optional().catch(undefined)),
  sort: z.preprocess(firstParam, z.enum(attemptSorts).catch(defaultAttemptsQuery.sort)),
  dir: z.preprocess(firstParam, z.enum(["asc", "desc"]).optional().catch(undefined)),
  page: z.preprocess(firstParam, z.coerce.number().int().min(1).max(maxPage).catch(1)),
  section: uuidParam(),
});

/** Names and attempt numbers read best A→Z / 1→n; dates, durations and scores biggest first. */
export const naturalDirection = (sort: AttemptSort): "asc" | "desc" =>
  sort === "student" || sort === "attempt" || sort === "status" ? "asc" : "desc";

/** Parses the results page's URL search parameters; never throws. */
export function parseAttemptsQuery(raw: unknown): AttemptsQuery {
  const result = paramsSchema.safeParse(raw ?? {});
  const parsed = result.success ? result.data : paramsSchema.parse({});
  return {
    q: parsed.q,
    status: parsed.status,
    sort: parsed.sort,
    dir: parsed.dir ?? (parsed.sort === defaultAttemptsQuery.sort ? defaultAttemptsQuery.dir : naturalDirection(parsed.sort)),
    page: parsed.page,
    ...(parsed.section ? { section: parsed.section } : {}),
  };
}

/** The results URL for these parameters, leaving out defaults so links stay short. */
export function attemptsHref(basePath: string, query: Partial<AttemptsQuery>): string {
  const search = new URLSearchParams();
  if (query.q) search.set("q", query.q);
  if (query.status) search.set("status", query.status);
  if (query.section) search.set("section", query.section);
  const sort = query.sort ?? defaultAttemptsQuery.sort;
  if (sort !== defaultAttemptsQuery.sort || (query.dir && query.dir !== defaultAttemptsQuery.dir)) {
    search.set("sort", sort);
    if (query.dir) search.set("dir", query.dir);
  }
  if (query.page && query.page > 1) search.set("page", String(query.page));
  const text = search.toString();
  return text ? `${basePath}?${text}` : basePath;
}

/** Where a column header leads: its own sort, flipped when it is the current one; back to page 1. */
export function sortHref(basePath: string, current: AttemptsQuery, sort: AttemptSort): string {
  const dir = current.sort === sort ? (current.dir === "asc" ? "desc" : "asc") : naturalDirection(sort);
  return attemptsHref(basePath, { q: current.q, status: current.status, section: current.section, sort, dir });
}

/** Buckets of the score distribution: 0–10 %, 10–20 % … 90–100 % (100 % falls in the last). */
export const distributionBuckets = Array.from({ length: 10 }, (_, index) => ({
  index,
  label: `${index * 10}–${index * 10 + 10}%`,
}));
