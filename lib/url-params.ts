import { z } from "zod";

// Reading a page's URL parameters, shared by every list page's parser (the
// catalogue, the reports, the users table, the audit log, quiz results, the
// grading queue, the gradebook). These modules are imported by client tables
// too, so only zod here.

/** A repeated parameter (?q=a&q=b) arrives as an array; the first one counts. */
export const firstParam = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Bidi controls and zero-width characters: invisible, and no search needs them. */
const invisible = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** PostgreSQL refuses NUL in text, and no control character belongs in a search. */
export const stripControls = (value: string) => value.replace(invisible, "").replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");

/** Free text from the URL: control characters blanked, trimmed, at most `max` characters; "" when missing or not text. */
export const cleanText = (max: number) =>
  z
    .string()
    .catch("")
    .transform((value) => stripControls(value).trim().slice(0, max).trim());

/** A record id from the URL: the id, or undefined when missing, repeated oddly or not an id. */
export const uuidParam = () => z.preprocess(firstParam, z.uuid().optional().catch(undefined));

/** A choice from a fixed list, falling back to `fallback` when missing or unknown. */
export const choiceParam = <const T extends readonly [string, ...string[]]>(choices: T, fallback: T[number]) =>
  z.preprocess(firstParam, z.enum(choices).catch(fallback));

/** A page number from 1 to `max`; anything else reads as page 1. */
export const pageNumberParam = (max = 100_000) => z.preprocess(firstParam, z.coerce.number().int().min(1).max(max).catch(1));

/**
 * Parses a record of URL parameters (as Next passes them, or URLSearchParams)
 * with a schema whose every field falls back on its own; never throws.
 */
export function parseUrlParams<S extends z.ZodObject>(schema: S, raw: unknown): z.output<S> {
  const input = raw instanceof URLSearchParams ? Object.fromEntries(raw) : raw && typeof raw === "object" ? raw : {};
  const result = schema.safeParse(input);
  return result.success ? result.data : schema.parse({});
}
