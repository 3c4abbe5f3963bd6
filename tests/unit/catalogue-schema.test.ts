import { describe, expect, it } from "vitest";
import { catalogueHref, parseCatalogueParams } from "@/lib/courses/catalogue-schema";

describe("parseCatalogueParams", () => {
  it("gives the browse defaults for an empty URL", () => {
    expect(parseCatalogueParams({})).toEqual({
      q: "",
      subject: undefined,
      sort: "popular",
      requestedSort: undefined,
      page: 1,
    });
  });

  it("sorts by relevance by default when there is a query, and trims it", () => {
    expect(parseCatalogueParams({ q: "  newton  " })).toMatchObject({ q: "newton", sort: "relevance" });
  });

  it("keeps an explicit sort, and falls back to most enrolled for relevance without a query", () => {
    expect(parseCatalogueParams({ q: "atoms", sort: "title" })).toMatchObject({ sort: "title", requestedSort: "title" });
    expect(parseCatalogueParams({ sort: "newest" })).toMatchObject({ sort: "newest", requestedSort: "newest" });
    expect(parseCatalogueParams({ sort: "relevance" })).toMatchObject({ sort: "popular", requestedSort: "relevance" });
  });

  it.each(["cheapest", "", "TITLE", "relevance;drop"])("ignores the unknown sort %j", (sort) => {
    expect(parseCatalogueParams({ sort })).toMatchObject({ sort: "popular", requestedSort: undefined });
    expect(parseCatalogueParams({ sort, q: "x" })).toMatchObject({ sort: "relevance", requestedSort: undefined });
  });

  it("reads a page number", () => {
    expect(parseCatalogueParams({ page: "3" }).page).toBe(3);
  });

  it.each(["0", "-2", "abc", "2.5", "", "Infinity", "NaN", "1e400", "99999999999"])(
    "turns the garbage page %j into page 1",
    (page) => {
      expect(parseCatalogueParams({ page }).page).toBe(1);
    },
  );

  it("cuts an overlong query to 200 characters", () => {
    const q = parseCatalogueParams({ q: `  ${"a".repeat(500)}` }).q;
    expect(q).toBe("a".repeat(200));
  });

  it("replaces control characters, which PostgreSQL would refuse, with spaces", () => {
    expect(parseCatalogueParams({ q: "cell\u0000bio\nlogy\u0007" }).q).toBe("cell bio logy");
    expect(parseCatalogueParams({ subject: "\u0000" }).subject).toBeUndefined();
  });

  it("drops a blank or overlong subject", () => {
    expect(parseCatalogueParams({ subject: "  " }).subject).toBeUndefined();
    expect(parseCatalogueParams({ subject: "x".repeat(61) }).subject).toBeUndefined();
    expect(parseCatalogueParams({ subject: " physics " }).subject).toBe("physics");
  });

  it("takes the first of repeated parameters", () => {
    expect(parseCatalogueParams({ q: ["first", "second"], page: ["2", "9"], sort: ["title", "newest"] })).toMatchObject({
      q: "first",
      page: 2,
      sort: "title",
    });
  });

  it("never throws, whatever arrives", () => {
    for (const raw of [undefined, null, "q=x", 42, [], { q: 42, subject: {}, sort: null, page: { n: 1 } }]) {
      expect(parseCatalogueParams(raw)).toMatchObject({ q: "", subject: undefined, sort: "popular", page: 1 });
    }
  });
});

describe("catalogueHref", () => {
  it("is the bare catalogue URL for the defaults", () => {
    expect(catalogueHref({})).toBe("/courses");
    expect(catalogueHref({ q: "", page: 1 })).toBe("/courses");
  });

  it("keeps the query, subject, asked-for sort and page, encoded", () => {
    expect(catalogueHref({ q: "newton's laws & more", subject: "physics", requestedSort: "title", page: 2 })).toBe(
      "/courses?q=newton%27s+laws+%26+more&subject=physics&sort=title&page=2",
    );
  });

  it("round-trips through the parser", () => {
    const href = catalogueHref({ q: "cells", subject: "biology", requestedSort: "newest", page: 3 });
    const parsed = parseCatalogueParams(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(parsed).toEqual({ q: "cells", subject: "biology", sort: "newest", requestedSort: "newest", page: 3 });
  });
});
