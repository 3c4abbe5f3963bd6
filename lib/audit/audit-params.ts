import { z } from "zod";
import { cleanText, firstParam } from "@/lib/url-params";

// The audit log viewer's filters live in the URL, so every view has an address
// and the page works without JavaScript. Parsing never throws: a hand-edited or
// stale URL still shows the log, with the bad filter dropped and said so.

export const auditPageSize = 50;
const maxSearchLength = 100;
const maxPage = 100_000;

export interface AuditQuery {
  /** Text searched in the actor's display name, username and email. */
  actor: string;
  /** "" for every action, an exact action ("auth.sign_in"), or a group ("auth.*"). */
  action: string;
  /** Calendar days (UTC), both inclusive; null when not set. */
  from: string | null;
  to: string | null;
  page: number;
  /** Why a filter was dropped, for the message next to its field. */
  errors: { from?: string; to?: string };
}

export const defaultAuditQuery: AuditQuery = { actor: "", action: "", from: null, to: null, page: 1, errors: {} };

/** Actions are dotted lower-case names ("user.role_changed"); a group ends in ".*". */
const actionPattern = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*(\.\*)?$/;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDay(text: string): boolean {
  if (!dayPattern.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const text = (max: number) =>
  z.preprocess(firstParam, cleanText(max));

const paramsSchema = z.object({
  actor: text(maxSearchLength),
  action: text(100),
  from: text(20),
  to: text(20),
  page: z.preprocess(firstParam, z.coerce.number().int().min(1).max(maxPage).catch(1)),
});

/** Parses the audit page's URL search parameters; never throws. */
export function parseAuditQuery(raw: unknown): AuditQuery {
  const result = paramsSchema.safeParse(raw ?? {});
  const parsed = result.success ? result.data : paramsSchema.parse({});
  const errors: AuditQuery["errors"] = {};
  const day = (value: string, field: "from" | "to") => {
    if (!value) return null;
    if (isCalendarDay(value)) return value;
    errors[field] = "Enter a date as YYYY-MM-DD.";
    return null;
  };
  const from = day(parsed.from, "from");
  let to = day(parsed.to, "to");
  if (from && to && to < from) {
    errors.to = "The end date is before the start date.";
    to = null;
  }
  return {
    actor: parsed.actor,
    action: actionPattern.test(parsed.action) ? parsed.action : "",
    from,
    to,
    page: parsed.page,
    errors,
  };
}

/** The instants a day range covers: from the start of `from` to the start of the day after `to` (UTC). */
export function dayRange(query: Pick<AuditQuery, "from" | "to">): { start: Date | null; end: Date | null } {
  const start = query.from ? new Date(`${query.from}T00:00:00Z`) : null;
  const end = query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 24 * 60 * 60 * 1000) : null;
  return { start, end };
}

/** An action filter as SQL needs it: an exact name, or the prefix of a group ("auth.*" → "auth."). */
export function actionFilter(action: string): { exact: string } | { prefix: string } | null {
  if (!action) return null;
  return action.endsWith(".*") ? { prefix: action.slice(0, -1) } : { exact: action };
}

/**
 * The action select's options: every action, and before them a group per
 * prefix that has more than one ("auth.*"). The current choice is kept even
 * when no row has it any more.
 */
export function actionOptions(actions: string[], current: string): { value: string; label: string }[] {
  const sorted = [...new Set(current ? [...actions, current] : actions)].sort();
  const prefixes = new Map<string, number>();
  for (const action of sorted) {
    if (action.endsWith(".*")) continue;
    const dot = action.indexOf(".");
    if (dot > 0) prefixes.set(action.slice(0, dot), (prefixes.get(action.slice(0, dot)) ?? 0) + 1);
  }
  const groups = [...prefixes].filter(([, count]) => count > 1).map(([prefix]) => `${prefix}.*`);
  const exact = sorted.filter((action) => !action.endsWith(".*"));
  const extraGroups = sorted.filter((action) => action.endsWith(".*") && !groups.includes(action));
  return [
    { value: "", label: "All actions" },
    ...[...groups, ...extraGroups].sort().map((group) => ({ value: group, label: `${group} (every ${group.slice(0, -2)} action)` })),
    ...exact.map((action) => ({ value: action, label: action })),
  ];
}

/** The audit URL for these filters and page, leaving out what is not set so links stay short. */
export function auditHref(query: Partial<Omit<AuditQuery, "errors">>, basePath = "/admin/audit"): string {
  const search = new URLSearchParams();
  if (query.actor) search.set("actor", query.actor);
  if (query.action) search.set("action", query.action);
  if (query.from) search.set("from", query.from);
  if (query.to) search.set("to", query.to);
  if (query.page && query.page > 1) search.set("page", String(query.page));
  const queryString = search.toString();
  return queryString ? `${basePath}?${queryString}` : basePath;
}
