import { Marked } from "marked";
import sanitizeHtml, { type IOptions } from "sanitize-html";
import { classifyLink, isCourseFilePath, isHttpsUrl, isQuestionImagePath } from "./safe-url";

// Markdown allows raw HTML, so marked's output is untrusted until sanitised:
// everything not on these lists is removed, never escaped into view.
const marked = new Marked({ gfm: true, breaks: false, async: false });

const cellAlign = { name: "align", multiple: false, values: ["left", "center", "right"] };

const options: IOptions = {
  allowedTags: [
    "h1", "h2", "h3", "h4", "h5", "h6",
    "p", "br", "hr",
    "ul", "ol", "li",
    "strong", "em", "b", "i", "del", "s", "sub", "sup",
    "code", "pre", "kbd", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td",
    "a", "img",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel", "target"],
    img: ["src", "alt", "title", "width", "height"],
    ol: ["start"],
    th: [cellAlign],
    td: [cellAlign],
  },
  allowedClasses: { code: ["language-*"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  // The content of these is code or markup, not prose: drop it with the tag.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "noembed", "noframes", "template", "title", "xmp"],
  disallowedTagsMode: "discard",
  transformTags: {
    // Decide the link's kind ourselves, on the decoded value, and set rel and
    // target from it so that the author's own rel/target never survive.
    a: (tagName, attribs) => {
      const { href, title } = attribs;
      const kind = href === undefined ? null : classifyLink(href);
      const safe: Record<string, string> = {};
      if (title !== undefined) safe.title = title;
      if (href !== undefined && kind !== null) safe.href = href;
      if (kind === "web") Object.assign(safe, { rel: "noopener noreferrer", target: "_blank" });
      return { tagName, attribs: safe };
    },
    // An image without alt text is announced by its file name; treat it as decorative.
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      const safe = { ...rest, alt: rest.alt ?? "" };
      return { tagName, attribs: src !== undefined && (isHttpsUrl(src) || isQuestionImagePath(src) || isCourseFilePath(src)) ? { ...safe, src } : safe };
    },
  },
  // An image whose source was refused is removed rather than left broken.
  exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
};

/** Renders user-written Markdown (GitHub flavour) to HTML that is safe to insert into a page. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(marked.parse(source, { async: false }), options);
}

// Inline text (a question's choice, a label) allows only phrasing elements, so
// it can sit inside a <label> or a <span>.
const inlineOptions: IOptions = {
  ...options,
  allowedTags: ["br", "strong", "em", "b", "i", "del", "s", "sub", "sup", "code", "kbd", "a"],
};

/** Renders one line of user-written Markdown (emphasis, code, links) to safe phrasing HTML. */
export function renderInlineMarkdown(source: string): string {
  return sanitizeHtml(marked.parseInline(source, { async: false }), inlineOptions);
}
