// Where a cartridge's references point inside the package. Hrefs are
// relative (to the manifest for its resources, to the referring file for a
// page's links), may be percent-encoded or not, and were often written on a
// system that ignores case; a path that climbs above the package's root is
// never followed.

/** The folder of an entry path, "" at the root. */
export const folderOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");

/** `href` joined onto `folder`, with . and .. resolved; null when it climbs above the root. A leading / is the package's root. */
export function joinPackagePath(folder: string, href: string): string | null {
  const parts = href.startsWith("/") ? [] : folder.split("/").filter(Boolean);
  for (const part of href.replace(/\\/g, "/").split("/")) {
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

/** Percent-decoded, or as written when it is not valid percent-encoding. */
export function decoded(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/** The href without its query and fragment, and the fragment (with its #, or ""). */
export function splitHref(href: string): { path: string; fragment: string } {
  const hash = href.indexOf("#");
  const fragment = hash >= 0 ? href.slice(hash) : "";
  const withoutHash = hash >= 0 ? href.slice(0, hash) : href;
  const query = withoutHash.indexOf("?");
  return { path: query >= 0 ? withoutHash.slice(0, query) : withoutHash, fragment };
}

export type Located = { kind: "found"; path: string } | { kind: "missing"; path: string } | { kind: "outside" };

/** The package's entries, found by exact path first and then without case. */
export class EntryIndex {
  private readonly exact: Set<string>;
  private readonly folded = new Map<string, string>();

  constructor(names: readonly string[]) {
    this.exact = new Set(names);
    for (const name of names) if (!this.folded.has(name.toLowerCase())) this.folded.set(name.toLowerCase(), name);
  }

  find(path: string): string | null {
    if (this.exact.has(path)) return path;
    return this.folded.get(path.toLowerCase()) ?? null;
  }

  /** An href (query and fragment already removed) from a folder: as written, then percent-decoded. */
  locate(folder: string, href: string): Located {
    let first: string | null = null;
    for (const candidate of [...new Set([href, decoded(href)])]) {
      const path = joinPackagePath(folder, candidate);
      if (path === null) continue;
      first ??= path;
      const found = this.find(path);
      if (found) return { kind: "found", path: found };
    }
    return first === null ? { kind: "outside" } : { kind: "missing", path: first };
  }
}

/** The last part of a path, percent-decoded: a file's name as people know it. */
export const fileNameOf = (path: string) => decoded(path.split("/").pop() ?? path) || "file";

export const extensionOf = (path: string) => (/\.([a-z0-9]{1,10})$/i.exec(path)?.[1] ?? "").toLowerCase();

export const isPagePath = (path: string) => ["html", "htm", "xhtml"].includes(extensionOf(path));
