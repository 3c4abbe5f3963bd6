import { describe, expect, it } from "vitest";
import { groupNames, shuffled, splitIntoGroups } from "@/lib/sections/split-groups";

// The random split: balanced groups, every student once, in an order the
// class cannot predict.

const students = (n: number) => Array.from({ length: n }, (_, i) => `s${i + 1}`);

describe("splitIntoGroups", () => {
  it.each([
    [0, 2],
    [1, 2],
    [7, 3],
    [10, 2],
    [10, 4],
    [29, 5],
    [3, 50],
    [101, 50],
  ])("%i students into %i groups: sizes differ by at most one and every student is in exactly one group", (n, count) => {
    const groups = splitIntoGroups(students(n), count);
    expect(groups).toHaveLength(count);
    const sizes = groups.map((group) => group.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(groups.flat().sort()).toEqual(students(n).sort());
  });

  it("puts the remainder in the first groups", () => {
    expect(splitIntoGroups(students(7), 3).map((group) => group.length)).toEqual([3, 2, 2]);
  });

  it("follows the random source it is given (Fisher-Yates)", () => {
    // Always picking index 0 moves each last item to the front in turn.
    expect(shuffled(["a", "b", "c", "d"], () => 0)).toEqual(["b", "c", "d", "a"]);
    // Always picking the item itself keeps the order.
    expect(shuffled(["a", "b", "c", "d"], (max) => max - 1)).toEqual(["a", "b", "c", "d"]);
    expect(splitIntoGroups(["a", "b", "c", "d"], 2, (max) => max - 1)).toEqual([
      ["a", "c"],
      ["b", "d"],
    ]);
  });

  it("does not change its input", () => {
    const input = students(6);
    splitIntoGroups(input, 2);
    expect(input).toEqual(students(6));
  });

  it("shuffles with real randomness: 40 students do not keep their order", () => {
    const input = students(40);
    const results = new Set(Array.from({ length: 5 }, () => shuffled(input).join(",")));
    expect(results.has(input.join(","))).toBe(false);
    expect(results.size).toBe(5);
  });

  it("every student can land in every group", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(splitIntoGroups(students(4), 2).findIndex((group) => group.includes("s1")));
    expect([...seen].sort()).toEqual([0, 1]);
  });

  it("refuses a count that is not a whole number of at least one", () => {
    expect(() => splitIntoGroups(students(3), 0)).toThrow(RangeError);
    expect(() => splitIntoGroups(students(3), 1.5)).toThrow(RangeError);
  });
});

it("names the groups from the prefix", () => {
  expect(groupNames("Group", 3)).toEqual(["Group 1", "Group 2", "Group 3"]);
});
