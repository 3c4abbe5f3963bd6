import { describe, expect, it } from "vitest";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/content/markdown";
import { renderMathInlineMarkdown, renderMathMarkdown } from "@/lib/content/math";

const mathTags = new Set(
  "math semantics annotation mrow mi mn mo ms mspace mtext msub msup msubsup mfrac msqrt mroot mover munder munderover mtable mtr mtd mstyle mpadded mphantom menclose".split(
    " ",
  ),
);
const htmlTags = new Set(
  "h1 h2 h3 h4 h5 h6 p br hr ul ol li strong em b i del s sub sup code pre kbd blockquote table thead tbody tr th td a img".split(" "),
);
const htmlAttributes = new Set(["href", "title", "rel", "target", "src", "alt", "width", "height", "start", "align", "class"]);
const mathAttributes = new Set(
  ("xmlns display encoding mathvariant mathsize stretchy fence separator largeop minsize maxsize lspace rspace accent accentunder " +
    "linebreak columnalign rowspacing columnspacing rowlines columnlines width height depth voffset scriptlevel displaystyle " +
    "linethickness notation mathcolor mathbackground").split(" "),
);

function tagsIn(html: string): { name: string; attributes: [string, string][] }[] {
  return [...html.matchAll(/<\/?([a-zA-Z][^\s/>]*)([^>]*)>/g)].map(([, name, rest]) => ({
    name: name!.toLowerCase(),
    attributes: [...rest!.matchAll(/([^\s=/>]+)(?:\s*=\s*"([^"]*)")?/g)].map(([, attribute, value]) => [attribute!.toLowerCase(), value ?? ""]),
  }));
}

/** Fails when the HTML holds a tag or attribute off the lists; MathML elements never carry an address or a style. */
function expectInert(html: string) {
  for (const tag of tagsIn(html)) {
    const isMath = mathTags.has(tag.name);
    expect(isMath || htmlTags.has(tag.name), `tag <${tag.name}> in ${html}`).toBe(true);
    for (const [attribute, value] of tag.attributes) {
      expect((isMath ? mathAttributes : htmlAttributes).has(attribute), `${attribute} on <${tag.name}>`).toBe(true);
      expect(value.replace(/\s/g, "").toLowerCase()).not.toContain("javascript:");
    }
  }
}

const render = (source: string) => {
  const html = renderMathMarkdown(source);
  expectInert(html);
  return html;
};
const mathCount = (html: string) => html.match(/<math /g)?.length ?? 0;
const annotations = (html: string) => [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((m) => m[1]);

describe("renderMathMarkdown", () => {
  it("renders inline math between \\( and \\) as MathML in the paragraph", () => {
    const html = render("Let \\(x^2 + 1\\) be positive.");
    expect(html).toMatch(/^<p>Let <math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"><semantics><mrow><msup><mi>x<\/mi><mn>2<\/mn><\/msup>/);
    expect(html).toContain("</math> be positive.</p>");
    expect(html).not.toContain('display="block"');
    expect(annotations(html)).toEqual(["x^2 + 1"]);
  });

  it("renders display math between \\[ \\] or $$ $$ as block MathML", () => {
    for (const source of ["\\[\\frac{a}{b}\\]", "$$\\frac{a}{b}$$", "$$\n\\frac{a}{b}\n$$"]) {
      const html = render(source);
      expect(html, source).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
      expect(html, source).toContain("<mfrac><mi>a</mi><mi>b</mi></mfrac>");
    }
  });

  it("display math spreads over lines, even lines Markdown would read as a list or a heading", () => {
    const html = render("$$\na = b \\\\\n- c \\\\\n1. d\n$$");
    expect(html).not.toMatch(/<ul|<ol|<li/);
    expect(mathCount(html)).toBe(1);
  });

  it("leaves Markdown around the math as Markdown", () => {
    const html = render("**Bold** \\(a\\) _emphasis_ and `code`\n\n- item \\(b\\)");
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain("<em>emphasis</em>");
    expect(html).toContain("<code>code</code>");
    expect(html).toMatch(/<li>item <math/);
    expect(mathCount(html)).toBe(2);
  });

  it("math next to emphasis: the emphasis wraps the formula", () => {
    expect(render("*see \\(a\\)*")).toMatch(/^<p><em>see <math[^]*<\/math><\/em><\/p>\n$/);
    expect(render("**\\(a\\)**")).toMatch(/^<p><strong><math[^]*<\/math><\/strong><\/p>\n$/);
  });

  it("underscores and stars inside math are TeX, not emphasis", () => {
    const html = render("\\(a_1\\) and \\(b_2\\), \\(x*y\\) and \\(u * v\\) *real*");
    expect(html).not.toMatch(/<em>[^<]*(and|<math)/);
    expect(annotations(html)).toEqual(["a_1", "b_2", "x*y", "u * v"]);
    expect(html).toContain("<em>real</em>");
    expect(html).toContain("<msub><mi>a</mi><mn>1</mn></msub>");
  });

  it("an escaped \\\\( is a backslash and a parenthesis, not math", () => {
    expect(render("\\\\(not math\\\\)")).toBe("<p>\\(not math\\)</p>\n");
    expect(render("\\\\[not math\\\\]")).toBe("<p>\\[not math\\]</p>\n");
    expect(render("\\$$x$$")).toBe("<p>$$x$$</p>\n");
    // Three backslashes: an escaped one, then a delimiter.
    expect(mathCount(render("\\\\\\(x\\)"))).toBe(1);
  });

  it("an unclosed or empty delimiter is text", () => {
    expect(render("open \\(x and nothing")).toBe("<p>open (x and nothing</p>\n");
    expect(render("\\(\\) and $$ $$")).toBe("<p>() and $$ $$</p>\n");
  });

  it("a formula does not cross a blank line, whatever the line endings", () => {
    expect(mathCount(render("\\(a\n\nb\\)"))).toBe(0);
    expect(mathCount(render("\\(a\r\n \r\nb\\)"))).toBe(0);
    expect(mathCount(render("\\(a\r\nb\\)"))).toBe(1);
  });

  it("reads fences with Windows line endings", () => {
    const html = render("```\r\n\\(a\\)\r\n```\r\n\r\n\\(b\\)");
    expect(annotations(html)).toEqual(["b"]);
  });

  it("shows an invalid formula as written, without KaTeX's error colour or message", () => {
    const html = render("Bad \\(\\frac{1}{\\) here, good \\(y\\).");
    expect(html).toContain("Bad \\(\\frac{1}{\\) here");
    expect(html).not.toMatch(/katex-error|#cc0000|ParseError|title=/);
    expect(mathCount(html)).toBe(1);
  });

  it("shows unknown commands in the formula's colour, not KaTeX's error red", () => {
    const html = render("\\(\\nosuchcommand + 1\\)");
    expect(html).toContain("<mtext>\\nosuchcommand</mtext>");
    expect(html).not.toContain("mathcolor");
  });

  it("keeps colours the author asked for", () => {
    expect(render("\\(\\color{blue}{x}\\)")).toContain('<mstyle mathcolor="blue">');
  });

  it("refuses \\href, \\url, \\includegraphics and the \\html commands (trust is off)", () => {
    const html = render(
      "\\(\\href{javascript:alert(1)}{x}\\) \\(\\url{javascript:alert(2)}\\) \\(\\includegraphics{https://evil.example/x.png}\\) " +
        "\\(\\htmlClass{x}{y}\\) \\(\\htmlStyle{color:red}{y}\\) \\(\\htmlId{x}{y}\\) \\(\\htmlData{x=1}{y}\\)",
    );
    expect(mathCount(html)).toBe(7);
    expect(html).not.toMatch(/href=|src=|<mglyph|class=|id=|data-/);
    // The refused command shows as its name; the rest of the formula is the annotation's TeX, escaped text.
    expect(html).toContain("<mtext>\\href</mtext>");
  });

  it("removes <script> from the text around the math", () => {
    const html = render("<script>alert(1)</script>\n\nText \\(x\\) <script>alert(2)</script> <img src=x onerror=alert(3)>");
    expect(html).not.toContain("alert(1)");
    expect(html).not.toContain("alert(2)");
    expect(mathCount(html)).toBe(1);
  });

  it("keeps markup inside math as text, never as elements", () => {
    const html = render("\\(\\text{<script>alert(1)</script>}\\) \\(\\text{<img src=x onerror=alert(1)>}\\)");
    expect(html).toContain("<mtext>&lt;script&gt;alert(1)&lt;/script&gt;</mtext>");
    expect(html).not.toMatch(/<img/);
  });

  it("lets no author-written MathML through, however it is nested", () => {
    const html = render(
      '<math href="javascript:alert(1)"><mi>x</mi></math> <math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    );
    expect(html).not.toMatch(/<math|<mglyph|<style/);
  });

  it("leaves a $ price alone", () => {
    expect(render("It costs $5, or $10 with shipping.")).toBe("<p>It costs $5, or $10 with shipping.</p>\n");
    expect(render("From $5 to $6 and \\(x\\)")).toMatch(/^<p>From \$5 to \$6 and <math/);
  });

  it("keeps \\( literally in code spans, fenced and indented code blocks", () => {
    const html = render("`\\(x\\)` and ``a `\\(y\\)` b``\n\n```\n\\(z\\) $$w$$\n```\n\n~~~tex\n\\[v\\]\n~~~\n\n    \\(u\\)\n");
    expect(mathCount(html)).toBe(0);
    expect(html).toContain("<code>\\(x\\)</code>");
    expect(html).toContain("<code>a `\\(y\\)` b</code>");
    expect(html).toContain("<pre><code>\\(z\\) $$w$$\n</code></pre>");
    expect(html).toContain('<pre><code class="language-tex">\\[v\\]\n</code></pre>');
    expect(html).toContain("<pre><code>\\(u\\)\n</code></pre>");
  });

  it("code in lists and quotes keeps \\( too, and math after the code renders", () => {
    const html = render("> ```\n> \\(a\\)\n> ```\n\n- ```\n  \\(b\\)\n  ```\n\nafter \\(c\\)");
    expect(annotations(html)).toEqual(["c"]);
  });

  it("a formula does not reach into a code span, nor a code span into a formula", () => {
    const html = render("\\(a\\) `code \\(` text \\)");
    expect(html).toContain("<code>code \\(</code>");
    expect(annotations(html)).toEqual(["a"]);
    expect(annotations(render("\\(a`b\\) `c`"))).toEqual(["a`b"]);
  });

  it("math inside a link's text renders; math in its address or an image's alt stays as written", () => {
    const html = render("[see \\(x\\)](https://example.com) [a](\\(y\\)) ![\\(z\\)](https://example.com/i.png)");
    expect(html).toMatch(/<a href="https:\/\/example\.com" rel="noopener noreferrer" target="_blank">see <math/);
    expect(html).toContain('<a href="%5C(y%5C)">a</a>');
    expect(html).toContain('alt="\\(z\\)"');
  });

  it("text without math renders exactly as renderMarkdown does", () => {
    for (const source of ["# Title\n\nSome *text* and a [link](https://example.com).", "Price $5", "", "\\(unclosed"]) {
      expect(renderMathMarkdown(source)).toBe(renderMarkdown(source));
    }
  });

  it("characters of Unicode's private use area in the text are left as they are", () => {
    const html = render("\ue000 0\ue000 \\(x\\) \ue001");
    expect(html).toContain("\ue000 0\ue000 ");
    expect(html).toContain("</math> \ue001");
  });

  describe("limits", () => {
    const fast = (source: string) => {
      // Speed is for the benchmarks: a backtracking regression shows here as a test that never ends.
      const html = render(source);
      return html;
    };

    it("macro loops and exponential macros stop at maxExpand and show as written", () => {
      for (const tex of ["\\def\\a{\\a}\\a", "\\def\\a{\\a\\a}\\a", "\\def\\a{xxxxxxxxxx}\\def\\b{\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a}\\def\\c{\\b\\b\\b\\b\\b\\b\\b\\b\\b\\b}\\def\\d{\\c\\c\\c\\c\\c\\c\\c\\c\\c\\c}\\d\\d\\d"]) {
        const html = fast(`\\(${tex}\\)`);
        expect(mathCount(html)).toBe(0);
        expect(html).toContain("\\def");
      }
    });

    it("sizes are capped at maxSize", () => {
      expect(render("\\(\\rule{1000em}{1000em}\\)")).toContain('width="10em" height="10em"');
    });

    it("a formula nested thousands deep shows as written instead of overflowing", () => {
      const deep = `\\(${"{".repeat(3000)}x${"}".repeat(3000)}\\)`;
      expect(mathCount(fast(deep))).toBe(0);
    });

    it("a huge formula shows as written", () => {
      const html = fast(`\\(${"x+".repeat(5000)}x\\)`);
      expect(mathCount(html)).toBe(0);
    });

    it("a huge text full of formulas and unclosed delimiters stays fast", () => {
      expect(mathCount(fast("\\(x_1\\) ".repeat(300)))).toBe(300);
      fast("\\( ".repeat(50_000));
      fast("$$ ".repeat(50_000));
      fast("` `` ``` ".repeat(20_000));
      fast("\\\\".repeat(100_000) + "\\(");
    });
  });
});

describe("renderMathInlineMarkdown", () => {
  it("renders math in a line of phrasing Markdown", () => {
    const html = renderMathInlineMarkdown("**Choose** \\(x^2\\) or $$y$$");
    expectInert(html);
    expect(html).toMatch(/^<strong>Choose<\/strong> <math[^]*<\/math> or <math[^>]*display="block"/);
    expect(html).not.toContain("<p>");
  });

  it("keeps \\( in code, even code spans of three backticks", () => {
    const html = renderMathInlineMarkdown("`\\(a\\)` ```\\(b\\)``` \\(c\\)");
    expect(annotations(html)).toEqual(["c"]);
    expect(html).toContain("<code>\\(a\\)</code>");
  });

  it("drops block elements and script around the math as renderInlineMarkdown does", () => {
    const html = renderMathInlineMarkdown("<div>\\(x\\)</div><script>alert(1)</script>");
    expectInert(html);
    expect(html).not.toMatch(/<div|alert/);
    expect(mathCount(html)).toBe(1);
  });

  it("text without math renders exactly as renderInlineMarkdown does", () => {
    expect(renderMathInlineMarkdown("a *b* `c` $5")).toBe(renderInlineMarkdown("a *b* `c` $5"));
  });
});
