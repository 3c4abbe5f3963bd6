import { formatPercent } from "@/lib/format";

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "3 Mar 2026, 09:15"; formatted on the server so the browser shows the same text it was sent. */
export const formatDateTime = (value: Date | null): string => (value ? dateTimeFormat.format(value) : "—");

/** "45 s", "6 min 5 s", "1 h 2 min"; a dash while the attempt is open. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

/** A percent, or a dash when there is nothing to measure yet. */
export const percentOrDash = (value: number | null): string => (value === null ? "—" : formatPercent(value));

/** "4.5" points without trailing zeros. */
export const formatPoints = (value: number): string => String(Number(value.toFixed(2)));
