// Every identifier in imsmanifest.xml is an XML ID: unique in the whole
// document (items and resources share one namespace) and starting with a
// letter. The document's own ids are letters, digits, dots, dashes and
// underscores, so "i" + id is one; the same id used for a lesson and a file,
// or for a resource and its item, gets a number to tell them apart.

export class Identifiers {
  private readonly taken = new Set<string>();
  private readonly byKey = new Map<string, string>();

  /** The identifier of `key` (e.g. "lesson:<id>"), made from `id` the first time and the same ever after. */
  of(key: string, id: string): string {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const base = `i${id.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 120)}`;
    let identifier = base;
    for (let n = 2; this.taken.has(identifier); n++) identifier = `${base}_${n}`;
    this.taken.add(identifier);
    this.byKey.set(key, identifier);
    return identifier;
  }
}
