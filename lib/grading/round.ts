/**
 * Scores are kept to two decimals, like the `numeric(8, 2)` columns that store
 * them, and rounded the way PostgreSQL rounds those: half away from zero on the
 * decimal value as written (1.005 → 1.01, 10.075 → 10.08, -1.005 → -1.01).
 * Multiplying by 100 lands just under the half (1.005 * 100 = 100.49999…);
 * 15 significant digits, more than any score has, give the decimal value back.
 */
export function roundPoints(value: number): number {
  if (!Number.isFinite(value)) return value;
  const hundredths = Math.round(Number((Math.abs(value) * 100).toPrecision(15)));
  return (Math.sign(value) * hundredths) / 100 || 0;
}
