import { randomInt } from "node:crypto";

// The random split: students shuffled with the operating system's randomness
// (a class must not be able to predict or reproduce who ends up together),
// then dealt round-robin, so the groups differ in size by at most one.

/** A uniform whole number in [0, maxExclusive). */
export type RandomIndex = (maxExclusive: number) => number;

const cryptoIndex: RandomIndex = (maxExclusive) => randomInt(maxExclusive);

/** A shuffled copy (Fisher-Yates). */
export function shuffled<T>(items: readonly T[], random: RandomIndex = cryptoIndex): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** `items` in `count` groups of balanced sizes (the first groups take the remainder), in random order. */
export function splitIntoGroups<T>(items: readonly T[], count: number, random: RandomIndex = cryptoIndex): T[][] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError("The number of groups is a whole number of at least 1.");
  const groups: T[][] = Array.from({ length: count }, () => []);
  shuffled(items, random).forEach((item, index) => groups[index % count]!.push(item));
  return groups;
}

/** "Group 1" … "Group N". */
export const groupNames = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`);
