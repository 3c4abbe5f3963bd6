// The placeholders a template's wording may use, and filling them in. Pure
// (no database), so the admin's form can check the wording as it is typed.

export const wordingPlaceholders = ["student", "course", "date", "teacher"] as const;
export type WordingPlaceholder = (typeof wordingPlaceholders)[number];
export type WordingValues = Record<WordingPlaceholder, string>;

const placeholderPattern = /\{([^{}]*)\}/g;

/** The `{names}` in the wording that are not placeholders, each once, in order. */
export function unknownPlaceholders(wording: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of wording.matchAll(placeholderPattern)) {
    if (!(wordingPlaceholders as readonly string[]).includes(name!)) unknown.add(`{${name}}`);
  }
  return [...unknown];
}

/** Why the wording cannot be saved, or null when it can. */
export function wordingProblem(wording: string): string | null {
  const unknown = unknownPlaceholders(wording);
  if (unknown.length > 0) {
    return `Unknown placeholder${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}: use only ${wordingPlaceholders.map((name) => `{${name}}`).join(", ")}.`;
  }
  return null;
}

/** The wording with each placeholder replaced by its value (a value is never read as a placeholder itself). */
export function fillWording(wording: string, values: WordingValues): string {
  return wording.replace(placeholderPattern, (whole, name: string) =>
    (wordingPlaceholders as readonly string[]).includes(name) ? values[name as WordingPlaceholder] : whole,
  );
}

/** What a certificate says when no template exists on the site yet. */
export const fallbackTemplate = {
  title: "Certificate of completion",
  wording: "This certifies that {student} has completed the course {course} on {date}.",
  signatureName: "",
  signatureTitle: "",
} as const;

/** The date on a certificate: the site's locale, no time, in UTC so every reader sees the same day. */
const issueDateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
export const formatIssueDate = (date: Date): string => issueDateFormat.format(date);
