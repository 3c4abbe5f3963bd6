import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { afterCursor, cursorSchema, decodeCursor, encodeCursor, limitSchema, pageOf, type SortKey } from "@/lib/api/pagination";

const dialect = new PgDialect();
const render = (query: ReturnType<typeof afterCursor>) => (query ? dialect.sqlToQuery(query) : undefined);

describe("cursors", () => {
  it("round-trip their values and are URL-safe", () => {
    const cursor = encodeCursor(["Ünïcode title / with + signs", "2026-12-02 10:00:00.123456+00"]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(["Ünïcode title / with + signs", "2026-12-02 10:00:00.123456+00"]);
  });

  it.each([
    ["not base64 json", "%%%"],
    ["a JSON object", Buffer.from('{"a":1}').toString("base64url")],
    ["an empty array", Buffer.from("[]").toString("base64url")],
    ["numbers", Buffer.from("[1,2]").toString("base64url")],
    ["too many values", encodeCursor(["a", "b", "c", "d", "e"])],
  ])("refuse %s", (_name, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
    expect(cursorSchema.safeParse(cursor).success).toBe(false);
  });

  it("the limit defaults to 20 and stays within 1-100", () => {
    expect(limitSchema.parse(undefined)).toBe(20);
    expect(limitSchema.parse("100")).toBe(100);
    expect(limitSchema.safeParse("101").success).toBe(false);
    expect(limitSchema.safeParse("0").success).toBe(false);
    expect(limitSchema.safeParse("2.5").success).toBe(false);
  });
});

describe("afterCursor", () => {
  const keys: SortKey[] = [
    { expr: sql`title`, direction: "asc", cast: "text" },
    { expr: sql`published`, direction: "desc", cast: "timestamptz" },
    { expr: sql`id`, direction: "asc", cast: "uuid" },
  ];

  it("is nothing without a cursor", () => {
    expect(afterCursor(keys, undefined)).toBeUndefined();
  });

  it("compares each key in its own direction, the earlier keys equal, with the values bound as parameters", () => {
    const query = render(afterCursor(keys, encodeCursor(["b'; drop table x; --", "2026-01-01", "00000000-0000-4000-8000-000000000000"])))!;
    expect(query.sql).toBe(
      "(title > $1::text or (title = $2::text and published < $3::timestamptz) or " +
        "(title = $4::text and published = $5::timestamptz and id > $6::uuid))",
    );
    expect(query.params).toEqual([
      "b'; drop table x; --",
      "b'; drop table x; --",
      "2026-01-01",
      "b'; drop table x; --",
      "2026-01-01",
      "00000000-0000-4000-8000-000000000000",
    ]);
  });

  it("matches nothing for a cursor of another shape", () => {
    expect(render(afterCursor(keys, encodeCursor(["only one"])))!.sql).toBe("false");
  });
});

describe("pageOf", () => {
  const rows = [1, 2, 3].map((n) => ({ n, cursor: [`k${n}`] }));

  it("shows limit rows and links the next page from the last one shown, keeping the other parameters", () => {
    const page = pageOf("http://localhost/api/v1/courses?q=force&limit=2&cursor=old", rows, 2, (row) => row.n);
    expect(page.data).toEqual([1, 2]);
    const next = new URL(page.next!, "http://localhost");
    expect(next.pathname).toBe("/api/v1/courses");
    expect(next.searchParams.get("q")).toBe("force");
    expect(next.searchParams.get("limit")).toBe("2");
    expect(decodeCursor(next.searchParams.get("cursor")!)).toEqual(["k2"]);
  });

  it("has no next link on the last page", () => {
    expect(pageOf("http://localhost/x", rows, 3, (row) => row.n)).toEqual({ data: [1, 2, 3], next: null });
    expect(pageOf("http://localhost/x", [], 3, (row: { cursor: string[] }) => row)).toEqual({ data: [], next: null });
  });
});
