import { describe, expect, it } from "vitest";
import { csvRow, escapeCsvCell } from "@/lib/csv/escape-cell";

describe("escapeCsvCell", () => {
  it("leaves plain text alone", () => {
    expect(escapeCsvCell("Arjun Mehta")).toBe("Arjun Mehta");
    expect(escapeCsvCell("")).toBe("");
  });

  it.each(["=SUM(A1:A9)", "+1 555", "-2+3", "@cmd", "\t=1", "\r=1"])("neutralises a formula start in %j", (value) => {
    expect(escapeCsvCell(value).replace(/^"/, "")).toMatch(/^'/);
  });

  it("does not touch a formula character later in the text", () => {
    expect(escapeCsvCell("a=b")).toBe("a=b");
    expect(escapeCsvCell("x@example.com")).toBe("x@example.com");
  });

  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(escapeCsvCell("Kapoor, Meera")).toBe('"Kapoor, Meera"');
    expect(escapeCsvCell('He said "hi"')).toBe('"He said ""hi"""');
    expect(escapeCsvCell("two\nlines")).toBe('"two\nlines"');
    expect(escapeCsvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  });

  it("writes numbers, booleans and empty values as they are", () => {
    expect(escapeCsvCell(-4.5)).toBe("-4.5");
    expect(escapeCsvCell(0)).toBe("0");
    expect(escapeCsvCell(true)).toBe("true");
    expect(escapeCsvCell(null)).toBe("");
    expect(escapeCsvCell(undefined)).toBe("");
  });
});

describe("csvRow", () => {
  it("joins escaped cells and ends with CRLF", () => {
    expect(csvRow(["a", "-1", 2, null, "b,c"])).toBe("a,'-1,2,,\"b,c\"\r\n");
  });
});
