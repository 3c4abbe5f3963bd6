/** Splits a batch so one statement never carries more than `size` rows (PostgreSQL takes at most 65,535 parameters). */
export function chunks<T>(items: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
