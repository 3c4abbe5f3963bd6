// Course addresses (/courses/<slug>) are made from the title once, when the
// course is created, and kept afterwards so shared links keep working.

const maxBaseLength = 200;

/** "Électricité & Magnétisme!" → "electricite-and-magnetisme"; "course" when nothing is left. */
export function slugFromTitle(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxBaseLength)
    .replace(/-+$/, "");
  return slug || "course";
}

/** The base itself when free, else the first of base-2, base-3… not already taken. */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
