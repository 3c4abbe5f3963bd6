import { longDayLabel, type DayEntry } from "@/lib/calendar/calendar-view";
import type { IsoDay } from "@/lib/calendar/time-zone";
import { CompactEntry } from "./calendar-entry";

/** A week, a column per day on wide screens and a day under the other on phones; today marked. */
export function WeekView({ days, today, entries }: { days: IsoDay[]; today: IsoDay; entries: Map<IsoDay, DayEntry[]> }) {
  return (
    <ol className="grid gap-2 md:grid-cols-7">
      {days.map((day) => {
        const list = entries.get(day) ?? [];
        const isToday = day === today;
        return (
          <li
            key={day}
            aria-current={isToday ? "date" : undefined}
            className={`flex min-h-24 flex-col gap-1 rounded-md border p-2 ${isToday ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"} bg-white`}
          >
            <h3 id={`day-${day}`} className="text-sm font-semibold">
              {longDayLabel(day).replace(/ \d{4}$/, "")}
              {isToday ? <span className="ml-1 rounded bg-brand-600 px-1 text-xs font-bold text-white">Today</span> : null}
            </h3>
            {list.length === 0 ? (
              <p className="text-xs text-ink-muted">Nothing</p>
            ) : (
              <ul className="flex flex-col gap-1">
                {list.map((entry) => (
                  <li key={entry.key}>
                    <CompactEntry entry={entry} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
