import { describe, expect, it } from "vitest";
import { pageCountOf, pageParam } from "@/lib/pagination";

describe("pageCountOf", () => {
  it("counts at least one page", () => {
    expect(pageCountOf(0, 20)).toBe(1);
    expect(pageCountOf(20, 20)).toBe(1);
    expect(pageCountOf(21, 20)).toBe(2);
  });
});

describe("pageParam", () => {
  it("reads the page from the address", () => {
    expect(pageParam("3")).toBe(3);
    expect(pageParam(["2", "5"])).toBe(2);
    expect(pageParam("100000")).toBe(100_000);
  });

  it("reads anything odd as the first page", () => {
    for (const odd of [undefined, "", "0", "-1", "-4", "1.5", "abc", "1e3", "100001", "9999999"]) expect(pageParam(odd)).toBe(1);
  });
});
