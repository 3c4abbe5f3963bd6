import { classifyLink } from "@/lib/content/safe-url";
import { folderOf, splitHref, type EntryIndex } from "./cartridge-paths";

// What a reference in a cartridge's HTML points at. Besides relative paths,
// cartridges use tokens: $IMS-CC-FILEBASE$ for the resource's own folder (the
// profile) or Canvas's web_resources/ folder; Canvas adds $WIKI_REFERENCE$ for
// its pages and $CANVAS_OBJECT_REFERENCE$ / $CANVAS_COURSE_REFERENCE$ for the
// rest of its course, which has no place in a cartridge.

export type LinkTarget =
  | { kind: "web"; href: string }
  | { kind: "anchor"; href: string }
  | { kind: "unsafe" }
  | { kind: "entry"; path: string; fragment: string }
  | { kind: "missing"; path: string }
  | { kind: "outside"; href: string }
  | { kind: "wikiPage"; slug: string; fragment: string }
  | { kind: "courseObject"; href: string };

const fileBase = /^(?:\$|%24)IMS[-_]CC[-_]FILEBASE(?:\$|%24)\/*/i;
const wikiReference = /^(?:\$|%24)WIKI_REFERENCE(?:\$|%24)\/pages\/([^?#]+)/i;
const courseReference = /^(?:\$|%24)(?:CANVAS_OBJECT_REFERENCE|CANVAS_COURSE_REFERENCE|WIKI_REFERENCE)(?:\$|%24)/i;

export function linkTarget(entries: EntryIndex, href: string, fromPath: string): LinkTarget {
  const value = href.trim();
  if (value.startsWith("#")) return { kind: "anchor", href: value };
  const wiki = wikiReference.exec(value);
  if (wiki) return { kind: "wikiPage", slug: wiki[1]!, fragment: splitHref(value).fragment };
  if (courseReference.test(value)) return { kind: "courseObject", href: value };
  const token = fileBase.exec(value);
  const { path, fragment } = splitHref(token ? value.slice(token[0].length) : value);
  if (!token) {
    const kind = classifyLink(value);
    if (kind === "web" || kind === "mailto") return { kind: "web", href: value };
    if (kind === null) return { kind: "unsafe" };
  }
  if (path === "") return { kind: "anchor", href: fragment };
  const folders = token ? [folderOf(fromPath), "web_resources", ""] : [folderOf(fromPath)];
  let missing: string | null = null;
  for (const folder of folders) {
    const located = entries.locate(folder, path);
    if (located.kind === "found") return { kind: "entry", path: located.path, fragment };
    if (located.kind === "missing") missing ??= located.path;
  }
  return missing === null ? { kind: "outside", href: value } : { kind: "missing", path: missing };
}
