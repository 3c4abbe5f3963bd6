const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "1 Dec 2026, 09:15 UTC": the server renders it, so the zone is said rather than guessed. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return `${dateTime.format(new Date(value))} UTC`;
}

/** "5 of 6 points" with at most two decimals. */
export function formatPoints(points: number, maxPoints: number): string {
  const shown = Number.isInteger(points) ? String(points) : points.toFixed(2).replace(/0$/, "");
  return `${shown} of ${maxPoints} ${maxPoints === 1 ? "point" : "points"}`;
}

export const gradingMethodText = { highest: "your highest score counts", latest: "your latest score counts", average: "the average of your scores counts" } as const;
