/** Scores are kept to two decimals, like the `numeric(8, 2)` columns that store them. */
export const roundPoints = (value: number): number => Math.round((value + Number.EPSILON) * 100) / 100;
