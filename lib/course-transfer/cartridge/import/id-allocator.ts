// The document's ids: a cartridge's own identifier where it is a valid id not
// taken yet (so the report and the source can be compared), a generated one
// otherwise. Each kind of record has its own set, as the document does.

const validId = /^[A-Za-z0-9._-]{1,100}$/;

export class IdAllocator {
  private readonly taken = new Map<string, Set<string>>();
  private readonly counters = new Map<string, number>();

  take(kind: string, preferred: string | null | undefined): string {
    const used = this.taken.get(kind) ?? new Set<string>();
    this.taken.set(kind, used);
    let id = preferred?.trim() ?? "";
    while (!validId.test(id) || used.has(id)) {
      const next = (this.counters.get(kind) ?? 0) + 1;
      this.counters.set(kind, next);
      id = `${kind}-${next}`;
    }
    used.add(id);
    return id;
  }
}
