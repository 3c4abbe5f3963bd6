import Link from "next/link";
import type { CalendarItemKind } from "@/lib/calendar/calendar-item";
import type { DayEntry } from "@/lib/calendar/calendar-view";

export const kindLabels: Record<CalendarItemKind, string> = { due: "Due", opens: "Opens", event: "Event" };

/** Each kind has its own edge colour and, for those who cannot tell colours apart, its word. */
export const kindStyles: Record<CalendarItemKind, string> = {
  due: "border-danger-600 bg-danger-50",
  opens: "border-brand-500 bg-brand-50",
  event: "border-success-700 bg-success-50",
};

/** One item on a day: its time and title as a link, the kind in words for screen readers. */
export function CompactEntry({ entry }: { entry: DayEntry }) {
  return (
    <Link
      href={entry.item.path}
      className={`block truncate rounded border-l-4 px-1.5 py-0.5 text-xs hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${kindStyles[entry.item.kind]}`}
      title={`${entry.timeLabel} ${entry.item.title} (${entry.item.courseTitle})`}
    >
      <span className="sr-only">{kindLabels[entry.item.kind]}, </span>
      <span className="tabular-nums text-ink-muted">{entry.timeLabel}</span> {entry.item.title}
      <span className="sr-only">, {entry.item.courseTitle}</span>
    </Link>
  );
}

/** One item in a list: kind, time, title, course and place. */
export function FullEntry({ entry }: { entry: DayEntry }) {
  const { item } = entry;
  return (
    <div className={`flex flex-col gap-0.5 rounded-md border-l-4 px-3 py-2 sm:flex-row sm:items-baseline sm:gap-3 ${kindStyles[item.kind]}`}>
      <p className="shrink-0 text-sm tabular-nums sm:w-32">
        <span className="font-semibold">{kindLabels[item.kind]}</span> · {entry.timeLabel}
      </p>
      <div className="min-w-0">
        <Link href={item.path} className="font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900">
          {item.title}
        </Link>
        <p className="text-sm text-ink-muted">
          {item.courseTitle}
          {item.location ? ` · ${item.location}` : ""}
          {item.recurrence ? " · repeats" : ""}
        </p>
      </div>
    </div>
  );
}
