import { z } from "zod";
import type { UserRole } from "@/db/schema/enums";
import { roles } from "@/lib/auth/roles";
import { cleanText, firstParam } from "@/lib/url-params";

// The users table's search, filters, sort and page live in the URL, like the
// progress report's (see lib/reports/report-params.ts): every view has an
// address, works without JavaScript, and a bad value never throws: it falls
// back to its default.

export const userSorts = ["name", "email", "role", "joined", "lastSignIn"] as const;
export type UserSort = (typeof userSorts)[number];
export type SortDirection = "asc" | "desc";

/**
 * An account's state as the table shows it, computed in SQL: anonymised
 * (erased on request) before deactivated, deactivated before invited (an
 * invitation not yet accepted), then active.
 */
export const userStatuses = ["active", "invited", "deactivated", "anonymised"] as const;
export type UserStatus = (typeof userStatuses)[number];

export const userStatusLabels: Record<UserStatus, string> = {
  active: "Active",
  invited: "Invited",
  deactivated: "Deactivated",
  anonymised: "Anonymised",
};

export interface UserTableFilters {
  /** Part of the name, username or email. */
  q: string;
  role?: UserRole;
  status?: UserStatus;
}

export interface UserTableQuery {
  filters: UserTableFilters;
  sort: UserSort;
  dir: SortDirection;
  page: number;
}

export const userPageSize = 50;
export const defaultUserSort: UserSort = "joined";
const maxSearchLength = 100;
const maxPage = 100_000;

/** Names and emails A→Z when first chosen; dates newest first. */
export const naturalUserDirection = (sort: UserSort): SortDirection => (sort === "joined" || sort === "lastSignIn" ? "desc" : "asc");

const paramsSchema = z.object({
  q: z.preprocess(firstParam, cleanText(maxSearchLength)),
  role: z.preprocess(firstParam, z.enum(roles).optional().catch(undefined)),
  status: z.preprocess(firstParam, z.enum(userStatuses).optional().catch(undefined)),
  sort: z.preprocess(firstParam, z.enum(userSorts).catch(defaultUserSort)),
  dir: z.preprocess(firstParam, z.enum(["asc", "desc"]).optional().catch(undefined)),
  page: z.preprocess(
    firstParam,
    z
      .string()
      .regex(/^\d{1,6}$/)
      .transform(Number)
      .pipe(z.number().int().min(1).max(maxPage))
      .catch(1),
  ),
});

/** Parses the table's URL search parameters (a record as Next passes them, or URLSearchParams); never throws. */
export function parseUserTableQuery(raw: unknown): UserTableQuery {
  const input = raw instanceof URLSearchParams ? Object.fromEntries(raw) : raw && typeof raw === "object" ? raw : {};
  const parsed = paramsSchema.parse(input);
  const filters: UserTableFilters = { q: parsed.q };
  if (parsed.role) filters.role = parsed.role;
  if (parsed.status) filters.status = parsed.status;
  return { filters, sort: parsed.sort, dir: parsed.dir ?? naturalUserDirection(parsed.sort), page: parsed.page };
}

/** The table's URL for these parameters, leaving out defaults so links stay short. */
export function userTableHref(basePath: string, query: { filters: UserTableFilters; sort?: UserSort; dir?: SortDirection; page?: number }): string {
  const search = new URLSearchParams();
  if (query.filters.q) search.set("q", query.filters.q);
  if (query.filters.role) search.set("role", query.filters.role);
  if (query.filters.status) search.set("status", query.filters.status);
  const sort = query.sort ?? defaultUserSort;
  const dir = query.dir ?? naturalUserDirection(sort);
  if (sort !== defaultUserSort || dir !== naturalUserDirection(sort)) {
    search.set("sort", sort);
    search.set("dir", dir);
  }
  if (query.page && query.page > 1) search.set("page", String(query.page));
  const text = search.toString();
  return text ? `${basePath}?${text}` : basePath;
}

/** Where a column header leads: its own sort, flipped when it is the current one; back to page 1. */
export function userSortHref(basePath: string, current: UserTableQuery, sort: UserSort): string {
  const dir = current.sort === sort ? (current.dir === "asc" ? "desc" : "asc") : naturalUserDirection(sort);
  return userTableHref(basePath, { filters: current.filters, sort, dir });
}

/** Another page of the same view: filters and sort kept. */
export const userPageHref = (basePath: string, current: UserTableQuery, page: number): string =>
  userTableHref(basePath, { filters: current.filters, sort: current.sort, dir: current.dir, page });

export const userSortLabels: Record<UserSort, string> = {
  name: "name",
  email: "email",
  role: "role",
  joined: "join date",
  lastSignIn: "last sign-in",
};
