import { longDayLabel, type DayEntry } from "@/lib/calendar/calendar-view";
import type { IsoDay } from "@/lib/calendar/time-zone";
import { FullEntry } from "./calendar-entry";

/** The days that have something, in order, each with its items: the calendar as a list, for phones and screen readers. */
export function AgendaList({ days, today, entries, empty }: { days: IsoDay[]; today: IsoDay; entries: Map<IsoDay, DayEntry[]>; empty: string }) {
  const busy = days.filter((day) => (entries.get(day) ?? []).length > 0);
  if (busy.length === 0) return <p className="rounded-card border border-dashed border-slate-300 bg-white p-6 text-center text-ink-muted">{empty}</p>;
  return (
    <ol className="flex flex-col gap-5">
      {busy.map((day) => (
        <li key={day} aria-labelledby={`agenda-${day}`} id={`day-${day}`} className="scroll-mt-4">
          <h3 id={`agenda-${day}`} className="mb-2 text-base font-semibold" aria-current={day === today ? "date" : undefined}>
            {longDayLabel(day)}
            {day === today ? <span className="ml-2 rounded bg-brand-600 px-1.5 py-0.5 text-xs font-bold text-white">Today</span> : null}
          </h3>
          <ul className="flex flex-col gap-2">
            {entries.get(day)!.map((entry) => (
              <li key={entry.key}>
                <FullEntry entry={entry} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
