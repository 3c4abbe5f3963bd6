import sanitizeHtml from "sanitize-html";
import { fileReference, lessonReference, type ManifestFile } from "../../manifest";
import { decoded, isPagePath } from "./cartridge-paths";
import type { ImportContext } from "./import-context";
import { linkTarget, type LinkTarget } from "./link-target";

// A cartridge's HTML with its references made the document's own: a file of
// the package becomes jeevi-file:<id> (and is carried with the course), a page
// that is a lesson becomes jeevi-lesson:<id>. What cannot be followed keeps
// its text and is named in the report. Scripts and styles go here; the site's
// renderer sanitises the Markdown again when it is shown.

export interface HtmlSource {
  /** The entry the HTML was read from: relative references start at its folder. */
  fromPath: string;
  /** The role a referenced file gets: `content` for lessons and posts, `question` for question pictures. */
  role: ManifestFile["role"];
  where: string;
}

const mediaTags = ["video", "audio", "source", "iframe", "embed", "object"];

// Canvas keeps a page with the slug its links use at wiki_content/<slug>.html.
function lessonOfWikiPage(context: ImportContext, slug: string): string | undefined {
  const path = context.entries.find(`wiki_content/${decoded(slug)}.html`);
  return path ? context.lessonByPath.get(path) : undefined;
}

/** The address a reference becomes, or null (its text is kept) after saying why. */
function rewrite(context: ImportContext, source: HtmlSource, target: LinkTarget, shown: string, image: boolean): string | null {
  const { where } = source;
  switch (target.kind) {
    case "web":
    case "anchor":
      return target.href;
    case "unsafe":
      // A script link (javascript:void(0)) only drove the old page's widgets; anything else deserves a word.
      if (image) context.note(where, /^\s*data:/i.test(shown) ? "An image written into the page itself (a data: address) was left out." : `The image ${shown.slice(0, 200)} is not a web address; it was left out.`);
      else if (!/^\s*javascript:/i.test(shown)) context.note(where, `The link ${shown.slice(0, 200)} is not a web address; the link text was kept.`);
      return null;
    case "outside":
      context.note(where, `The reference ${shown} points outside the cartridge; ${image ? "the image was left out" : "the link text was kept"}.`);
      return null;
    case "missing":
      context.note(where, `${target.path} is not in the cartridge; ${image ? "the image was left out" : "the link text was kept"}.`);
      return null;
    case "courseObject":
      context.note(where, `The link ${shown} points to a part of the original course that a cartridge does not carry; the link text was kept.`);
      return null;
    case "wikiPage": {
      const lessonId = lessonOfWikiPage(context, target.slug);
      if (lessonId) return `${lessonReference(lessonId)}${target.fragment}`;
      context.note(where, `The link to the page “${decoded(target.slug)}” points to a page that is not in the course outline; the link text was kept.`);
      return null;
    }
    case "entry": {
      const lessonId = context.lessonByPath.get(target.path);
      if (lessonId && !image) return `${lessonReference(lessonId)}${target.fragment}`;
      if (isPagePath(target.path) || context.descriptorPaths.has(target.path)) {
        context.note(where, `The link to ${target.path} points to a part of the cartridge that is not a lesson here; the link text was kept.`);
        return null;
      }
      const fileId = context.fileFor(target.path, source.role);
      return fileId ? fileReference(fileId) : null;
    }
  }
}

const mediaLabel = (tag: string, attribs: Record<string, string>) => attribs.title || attribs.alt || (tag === "audio" ? "Audio" : tag === "iframe" || tag === "object" || tag === "embed" ? "Embedded content" : "Video");

/** The HTML with its references rewritten (see above); scripts, styles and the page's head removed. */
export function rewriteHtml(context: ImportContext, html: string, source: HtmlSource): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  const address = (href: string | undefined, image: boolean) => (href ? rewrite(context, source, linkTarget(context.entries, href, source.fromPath), href, image) : null);
  const media = (tag: string, attribs: Record<string, string>) => {
    const href = address(attribs.src ?? attribs.data, false);
    return href ? { tagName: "a", attribs: { href }, text: mediaLabel(tag, attribs) } : { tagName: "span", attribs: {} };
  };
  return sanitizeHtml(body, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, "img"],
    allowedAttributes: { a: ["href", "title"], img: ["src", "alt", "title"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"] },
    allowedSchemes: ["http", "https", "mailto", "jeevi-file", "jeevi-lesson"],
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "head", "template"],
    transformTags: {
      a: (_tag, attribs) => {
        const { href: _href, ...rest } = attribs;
        const href = address(attribs.href, false);
        return { tagName: "a", attribs: href ? { ...rest, href } : rest };
      },
      img: (_tag, attribs) => {
        const src = address(attribs.src, true);
        return src ? { tagName: "img", attribs: { ...attribs, src } } : { tagName: "span", attribs: {}, text: attribs.alt ?? "" };
      },
      ...Object.fromEntries(mediaTags.map((tag) => [tag, (_tag: string, attribs: Record<string, string>) => media(tag, attribs)])),
    },
  });
}
