import { describe, expect, it } from "vitest";
import { isAnswered, normaliseShortAnswer, parseNumericAnswer, roundPoints, withinTolerance } from "@/lib/grading";

describe("parseNumericAnswer", () => {
  it.each([
    ["12", 12],
    ["  12  ", 12],
    ["+12", 12],
    ["-12", -12],
    ["−12", -12],
    ["0", 0],
    ["007", 7],
    ["2.4", 2.4],
    ["-2.4", -2.4],
    [".5", 0.5],
    ["-.5", -0.5],
    ["5.", 5],
    ["2,4", 2.4],
    ["-0,25", -0.25],
    ["1e3", 1000],
    ["1E3", 1000],
    ["2.5e-3", 0.0025],
    ["-1.5E+2", -150],
    ["１２.５", 12.5],
    ["1e308", 1e308],
  ])("%j is %d", (text, value) => {
    expect(parseNumericAnswer(text)).toBe(value);
  });

  it.each([
    "",
    "   ",
    "12 cm",
    "cm 12",
    "1/2",
    "1 2",
    "- 5",
    "1 000",
    "1,000.5",
    "1.000,5",
    "1,2,3",
    "1.2.3",
    "Infinity",
    "-Infinity",
    "NaN",
    "1e400",
    "0x10",
    "0b1",
    "1e",
    "e3",
    ".",
    "-",
    "+-1",
    "12abc",
    "½",
  ])("%j is not a number", (text) => {
    expect(parseNumericAnswer(text)).toBeNull();
  });
});

describe("withinTolerance", () => {
  it("includes both edges, binary rounding or not", () => {
    expect(withinTolerance(1.1, 1, 0.1)).toBe(true);
    expect(withinTolerance(0.9, 1, 0.1)).toBe(true);
    expect(withinTolerance(0.1 + 0.2, 0.3, 0)).toBe(true);
    expect(withinTolerance(100.5, 100, 0.5)).toBe(true);
    expect(withinTolerance(-100.5, -100, 0.5)).toBe(true);
  });
  it("excludes anything past an edge", () => {
    expect(withinTolerance(1.1000001, 1, 0.1)).toBe(false);
    expect(withinTolerance(100.50001, 100, 0.5)).toBe(false);
    expect(withinTolerance(0.3000001, 0.3, 0)).toBe(false);
    expect(withinTolerance(2e-12, 1e-12, 0)).toBe(false);
  });
});

describe("normaliseShortAnswer", () => {
  it.each([
    ["  Hello   World ", "hello world"],
    ["ＡＢＣ", "abc"],
    ["Straße", "strasse"],
    ["STRASSE", "strasse"],
    ["ﬁle", "file"],
    ["e\u0301", "é"],
    ["a\u3000b", "a b"],
  ])("%j → %j", (text, normalised) => {
    expect(normaliseShortAnswer(text)).toBe(normalised);
  });
});

describe("isAnswered", () => {
  it("a pick or some text is an answer; nothing, no pick or blank text is not", () => {
    expect(isAnswered(null)).toBe(false);
    expect(isAnswered({ choiceIds: [] })).toBe(false);
    expect(isAnswered({ text: "  " })).toBe(false);
    expect(isAnswered({ choiceIds: ["a"] })).toBe(true);
    expect(isAnswered({ text: "0" })).toBe(true);
  });
});

describe("roundPoints", () => {
  it.each([
    [0, 0],
    [1, 1],
    [1 / 3, 0.33],
    [2 / 3, 0.67],
    [0.125, 0.13],
    [0.135, 0.14],
    // Half-way values that binary floating point stores just below the half.
    [1.005, 1.01],
    [0.285, 0.29],
    [2.675, 2.68],
    [10.075, 10.08],
    [1234.565, 1234.57],
    [8.345, 8.35],
    [0.1 + 0.2, 0.3],
    [999999.994, 999999.99],
    [1e-7, 0],
  ])("%d → %d", (value, rounded) => {
    expect(roundPoints(value)).toBe(rounded);
  });

  it("rounds half away from zero like PostgreSQL's numeric, and never returns -0", () => {
    expect(roundPoints(-1.005)).toBe(-1.01);
    expect(roundPoints(-0.125)).toBe(-0.13);
    expect(Object.is(roundPoints(-0.001), 0)).toBe(true);
  });
});
