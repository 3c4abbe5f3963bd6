import { describe, expect, it } from "vitest";
import { prefixTsquery } from "@/lib/courses/search-terms";
import { summarize } from "@/lib/courses/summary";

describe("prefixTsquery", () => {
  it("turns each word into a prefix term", () => {
    expect(prefixTsquery("mech")).toBe("mech:*");
    expect(prefixTsquery("  Cell   Biol ")).toBe("cell:* & biol:*");
  });

  it("keeps no tsquery operator from the input", () => {
    expect(prefixTsquery("'); drop table users; --")).toBe("drop:* & table:* & users:*");
    expect(prefixTsquery("a & | ! :* (b) <-> 'c'")).toBe("a:* & b:* & c:*");
  });

  it("keeps letters and digits of any script", () => {
    expect(prefixTsquery("Café 2nd Δx")).toBe("café:* & 2nd:* & δx:*");
  });

  it("is null when there is no word at all", () => {
    expect(prefixTsquery("")).toBeNull();
    expect(prefixTsquery("&|!:*()")).toBeNull();
  });
});

describe("summarize", () => {
  it("strips Markdown punctuation and collapses whitespace", () => {
    expect(summarize("## Hello\n\nThe **first** `law` > quoted _here_")).toBe("Hello The first law quoted here");
  });

  it("keeps a link's text and drops its address", () => {
    expect(summarize("Read [the notes](https://example.org/notes) first.")).toBe("Read the notes first.");
  });

  it("cuts long text at a word boundary with an ellipsis", () => {
    const text = "word ".repeat(100);
    const summary = summarize(text, 200);
    expect(summary.length).toBeLessThanOrEqual(201);
    expect(summary.endsWith("word…")).toBe(true);
  });

  it("leaves short text whole", () => {
    expect(summarize("Short.")).toBe("Short.");
  });
});
