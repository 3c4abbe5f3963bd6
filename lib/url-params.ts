import { z } from "zod";

// Reading a page's URL parameters, shared by every list page's parser (the
// catalogue, the reports, the users table, the audit log, quiz results).
// These modules are imported by client tables too, so only zod here.

/** A repeated parameter (?q=a&q=b) arrives as an array; the first one counts. */
export const firstParam = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** PostgreSQL refuses NUL in text, and no control character belongs in a search. */
export const stripControls = (value: string) => value.replace(/[\u0000-\u001f\u007f]/g, " ");

/** Free text from the URL: control characters blanked, trimmed, at most `max` characters; "" when missing or not text. */
export const cleanText = (max: number) =>
  z
    .string()
    .catch("")
    .transform((value) => stripControls(value).trim().slice(0, max).trim());
