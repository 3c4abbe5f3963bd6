// What the course formats (backup archive, Common Cartridge) read from and
// write to, apart from how the bytes are kept: a zip file on disk in the app,
// a Map in unit tests. Entries are read and written as streams, so a lecture
// video inside a package is never held whole in memory.

/** A package being read: a checked zip (paths, sizes and entry count already refused when unsafe). */
export interface PackageSource {
  /** Every file entry's path, directories left out. */
  names(): string[];
  has(name: string): boolean;
  /** The declared expanded size of an entry, or null when there is no such entry. */
  sizeOf(name: string): number | null;
  /** A small entry (a manifest, an XML or HTML page) whole, as bytes; refuses one larger than `maxBytes`. */
  readBytes(name: string, maxBytes: number): Promise<Uint8Array>;
  /** An entry's bytes as they are expanded, counted against the package's limits. */
  stream(name: string): AsyncIterable<Uint8Array>;
}

/** A package being written. Entries are written in the order they are added. */
export interface PackageSink {
  /** `compress: false` for what is compressed already (video, images, zips): deflating it again only costs time. */
  add(name: string, source: Uint8Array | string | AsyncIterable<Uint8Array>, options?: { compress?: boolean }): Promise<void>;
}

/** Thrown by a source when an entry is missing, too large, damaged or over the package's limits; its message is for the user. */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageError";
  }
}

/** An in-memory package, for tests and for small generated packages. */
export class MemoryPackage implements PackageSource, PackageSink {
  readonly entries = new Map<string, Uint8Array>();

  constructor(entries?: Iterable<[string, Uint8Array | string]>) {
    for (const [name, data] of entries ?? []) this.entries.set(name, typeof data === "string" ? new TextEncoder().encode(data) : data);
  }

  names() {
    return [...this.entries.keys()];
  }

  has(name: string) {
    return this.entries.has(name);
  }

  sizeOf(name: string) {
    return this.entries.get(name)?.byteLength ?? null;
  }

  async readBytes(name: string, maxBytes: number) {
    const data = this.entries.get(name);
    if (!data) throw new PackageError(`The package has no file ${name}.`);
    if (data.byteLength > maxBytes) throw new PackageError(`${name} is larger than ${maxBytes} bytes.`);
    return data;
  }

  async *stream(name: string): AsyncIterable<Uint8Array> {
    const data = this.entries.get(name);
    if (!data) throw new PackageError(`The package has no file ${name}.`);
    yield data;
  }

  async add(name: string, source: Uint8Array | string | AsyncIterable<Uint8Array>) {
    if (this.entries.has(name)) throw new PackageError(`The package already has ${name}.`);
    if (typeof source === "string") this.entries.set(name, new TextEncoder().encode(source));
    else if (source instanceof Uint8Array) this.entries.set(name, source);
    else {
      const chunks: Uint8Array[] = [];
      for await (const chunk of source) chunks.push(chunk);
      this.entries.set(name, Buffer.concat(chunks));
    }
  }
}
