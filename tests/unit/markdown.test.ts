import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/content/markdown";

// The checks below read the output the way a browser would (entities decoded,
// ignorable characters dropped) and do not reuse the sanitiser's own URL code.
const allowedTags = new Set(
  "h1 h2 h3 h4 h5 h6 p br hr ul ol li strong em b i del s sub sup code pre kbd blockquote table thead tbody tr th td a img".split(" "),
);
const allowedAttributes = new Set(["href", "title", "rel", "target", "src", "alt", "width", "height", "start", "align", "class"]);

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function tagsIn(html: string): { name: string; attributes: [string, string][] }[] {
  return [...html.matchAll(/<\/?([a-zA-Z][^\s/>]*)([^>]*)>/g)].map(([, name, rest]) => ({
    name: name!.toLowerCase(),
    attributes: [...rest!.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].map(
      ([, attribute, double, single, bare]) => [attribute!.toLowerCase(), decodeEntities(double ?? single ?? bare ?? "")],
    ),
  }));
}

function browserView(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f-\u009f\s\u200b-\u200f\ufeff]/g, "").toLowerCase();
}

/** Fails when the HTML contains anything that could run script or leave the allow-list. */
function expectInert(html: string) {
  for (const tag of tagsIn(html)) {
    expect(allowedTags, `tag <${tag.name}> in ${html}`).toContain(tag.name);
    for (const [name, value] of tag.attributes) {
      expect(allowedAttributes, `attribute ${name} in ${html}`).toContain(name);
      expect(name).not.toMatch(/^on/);
      if (name === "href" || name === "src") {
        const url = browserView(value);
        const absolute = /^(https?:\/\/[^/\\]|mailto:)/.test(url);
        const relative = !/^[^/?#]*:/.test(url) && !/^[/\\]{2}/.test(url);
        expect(absolute || relative, `${name}=${value} in ${html}`).toBe(true);
        if (name === "src") expect(url.startsWith("https://"), `src=${value}`).toBe(true);
      }
    }
    // No payload's code may remain in a URL (title and alt are inert text).
    const urls = tag.attributes.filter(([name]) => name === "href" || name === "src").map(([, value]) => value);
    expect(urls.join(" "), `URLs of <${tag.name}> in ${html}`).not.toMatch(/alert|script:/i);
  }
}

describe("renderMarkdown: XSS battery", () => {
  const payloads: [string, string][] = [
    ["script tag", "<script>alert(1)</script>"],
    ["script with src, upper case", "<SCRIPT SRC=https://evil.example/x.js>alert(1)</SCRIPT>"],
    ["img onerror", "<img src=x onerror=alert(1)>"],
    ["img onerror on an allowed https image", '<img src="https://ok.example/a.png" onerror="alert(1)">'],
    ["markdown link to javascript:", "[x](javascript:alert(1))"],
    ["upper-case JAVASCRIPT:", "[x](JAVASCRIPT:alert(1))"],
    ["mixed-case JaVaScRiPt:", "[x](JaVaScRiPt:alert(1))"],
    ["decimal entity inside the scheme", "[x](java&#115;cript:alert(1))"],
    ["hex entity at the start", "[x](&#x6A;avascript:alert(1))"],
    ["fully entity-encoded href", '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'],
    ["&colon; entity", '<a href="javascript&colon;alert(1)">x</a>'],
    ["leading spaces", '<a href="  javascript:alert(1)">x</a>'],
    ["tab inside the scheme", '<a href="java\tscript:alert(1)">x</a>'],
    ["encoded tab inside the scheme", "<a href='jav&#x09;ascript:alert(1)'>x</a>"],
    ["newline inside the scheme", '<a href="java\nscript:alert(1)">x</a>'],
    ["leading control character", '<a href="\u0001javascript:alert(1)">x</a>'],
    ["angle-bracket link destination", "[x](<javascript:alert(1)>)"],
    ["reference-style link", "[x][evil]\n\n[evil]: javascript:alert(1)"],
    ["svg onload", "<svg onload=alert(1)><circle r=1 /></svg>"],
    ["script inside svg", "<svg><script>alert(1)</script></svg>"],
    ["iframe with javascript: src", '<iframe src="javascript:alert(1)"></iframe>'],
    ["iframe srcdoc", "<iframe srcdoc=\"<script>alert(1)</script>\">alert(1)</iframe>"],
    ["style tag", "<style>body { background: url(javascript:alert(1)) }</style>"],
    ["style attribute", '<p style="background:url(javascript:alert(1))">x</p>'],
    ["data:text/html markdown link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["data:text/html raw link", '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
    ["vbscript: link", '<a href="vbscript:alert(1)">x</a>'],
    ["form with javascript: action", "<form action=javascript:alert(1)><button formaction=javascript:alert(1)>go</button></form>"],
    ["markdown image with javascript: src", "![x](javascript:alert(1))"],
    ["markdown image with data: src", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
    ["event handler on an allowed tag", '<a href="https://ok.example" onclick="alert(1)" style="position:fixed">x</a>'],
    ["div onmouseover", '<div onmouseover="alert(1)">hover</div>'],
    ["details ontoggle", "<details open ontoggle=alert(1)><summary>s</summary></details>"],
    ["math xlink:href", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'],
    ["object and embed", '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">'],
    ["base href", '<base href="javascript:alert(1)//">'],
    ["meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ["input autofocus onfocus", "<input autofocus onfocus=alert(1)>"],
    ["link stylesheet", '<link rel="stylesheet" href="javascript:alert(1)">'],
    ["unquoted attribute breakout", "<a href=https://ok.example/ onmouseover=alert(1)>x</a>"],
    ["quote breakout from a markdown title", '[x](https://ok.example "a\\" onmouseover=\\"alert(1)")'],
  ];

  it.each(payloads)("%s", (_name, payload) => {
    expectInert(renderMarkdown(payload));
  });

  it("checks at least fifteen payloads", () => {
    expect(payloads.length).toBeGreaterThanOrEqual(15);
  });

  it("drops the contents of script, style and iframe, not just the tags", () => {
    const html = renderMarkdown(
      "before\n\n<script>alert(1)</script><style>p{color:red}</style><iframe>alert(2)</iframe>\n\nafter",
    );
    expect(html).not.toMatch(/alert|color:red/);
    expect(html).toContain("before");
    expect(html).toContain("after");
  });

  it("keeps the text of a removed tag that is not code", () => {
    expect(renderMarkdown('<div onmouseover="alert(1)">hover text</div>')).toBe("hover text");
  });

  it("removes protocol-relative links, which leave the site", () => {
    for (const payload of ["[x](//evil.example)", '<a href="/\\evil.example">x</a>', '<a href="\\\\evil.example">x</a>']) {
      expect(renderMarkdown(payload)).not.toContain("href");
    }
  });

  it("refuses images that are not https", () => {
    for (const payload of ["![a](http://img.example/a.png)", "![a](/local.png)", "![a](//img.example/a.png)"]) {
      expect(renderMarkdown(payload)).not.toContain("<img");
    }
  });

  it("shows a course's own files (imported pages' images) and nothing else of /api/files", () => {
    const id = "0b7a4a52-8f0e-4c55-9d57-6a2f8a4b1c3d";
    expect(renderMarkdown(`![graph](/api/files/course/${id})`)).toBe(`<p><img alt="graph" src="/api/files/course/${id}" /></p>\n`);
    for (const payload of [`![x](/api/files/course/${id}/../../admin)`, "![x](/api/files/course/not-an-id)", `![x](/api/files/lessons/${id})`]) {
      expect(renderMarkdown(payload)).not.toContain("<img");
    }
  });

  it("replaces an author's rel and target on links", () => {
    const html = renderMarkdown('<a href="https://ok.example" rel="opener" target="_self">x</a> <a href="/page" target="_blank">y</a>');
    expect(html).toContain('<a href="https://ok.example" rel="noopener noreferrer" target="_blank">x</a>');
    expect(html).toContain('<a href="/page">y</a>');
  });
});

describe("renderMarkdown: what authors may write", () => {
  it("renders a GFM table with its alignment", () => {
    const html = renderMarkdown("| Quantity | Unit |\n|:--|--:|\n| force | N |\n| mass | kg |");
    expect(html).toContain("<table>");
    expect(html).toContain('<th align="left">Quantity</th>');
    expect(html).toContain('<td align="right">kg</td>');
    expectInert(html);
  });

  it("renders a fenced code block with its language and escapes the code", () => {
    const html = renderMarkdown('```js\nif (a < b) console.log("<b>");\n```');
    expect(html).toBe('<pre><code class="language-js">if (a &lt; b) console.log("&lt;b&gt;");\n</code></pre>\n');
  });

  it("keeps only language-* classes", () => {
    expect(renderMarkdown('<code class="language-py evil">x</code>')).toBe('<p><code class="language-py">x</code></p>\n');
    expect(renderMarkdown('<p class="fixed inset-0">x</p>')).toBe("<p>x</p>");
  });

  it("opens absolute links in a new tab without giving it the opener", () => {
    expect(renderMarkdown("[Newton](https://en.wikipedia.org/wiki/Isaac_Newton)")).toBe(
      '<p><a href="https://en.wikipedia.org/wiki/Isaac_Newton" rel="noopener noreferrer" target="_blank">Newton</a></p>\n',
    );
    expect(renderMarkdown("[plain](http://example.org)")).toContain('target="_blank"');
  });

  it("keeps relative and mailto links in the same tab", () => {
    expect(renderMarkdown("[next](/courses/physics) [top](#top) [mail](mailto:teacher@school.example)")).toBe(
      '<p><a href="/courses/physics">next</a> <a href="#top">top</a> <a href="mailto:teacher@school.example">mail</a></p>\n',
    );
  });

  it("renders https images with their alt text, and gives a bare image an empty alt", () => {
    expect(renderMarkdown("![A free-body diagram](https://img.example/fbd.png)")).toBe(
      '<p><img alt="A free-body diagram" src="https://img.example/fbd.png" /></p>\n',
    );
    expect(renderMarkdown('<img src="https://img.example/x.png">')).toBe('<img alt="" src="https://img.example/x.png" />');
  });

  it("renders headings, lists, emphasis and quotes", () => {
    const html = renderMarkdown(
      "# One\n\n## Two\n\n### Three\n\n#### Four\n\n- a\n- **b**\n\n3. c\n4. *d*\n\n> quoted `code`\n\n~~gone~~",
    );
    for (const fragment of [
      "<h1>One</h1>",
      "<h2>Two</h2>",
      "<h3>Three</h3>",
      "<h4>Four</h4>",
      "<li><strong>b</strong></li>",
      '<ol start="3">',
      "<li><em>d</em></li>",
      "<blockquote>\n<p>quoted <code>code</code></p>\n</blockquote>",
      "<del>gone</del>",
    ]) {
      expect(html).toContain(fragment);
    }
    expectInert(html);
  });

  it("renders empty input as nothing", () => {
    expect(renderMarkdown("")).toBe("");
  });
});
