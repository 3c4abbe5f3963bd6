import Link from "next/link";
import { calendarHref, longDayLabel, monthLabel, weekdayNames, type DayEntry } from "@/lib/calendar/calendar-view";
import type { IsoDay } from "@/lib/calendar/time-zone";
import { CompactEntry } from "./calendar-entry";

/** At most this many items in a day's cell; the rest are behind "+N more". */
export const itemsPerCell = 3;

interface Props {
  weeks: IsoDay[][];
  month: IsoDay;
  today: IsoDay;
  entries: Map<IsoDay, DayEntry[]>;
  courseId?: string;
}

/** A month as a table: weekday headers, a row per week, each day's items as links, today marked. */
export function MonthGrid({ weeks, month, today, entries, courseId }: Props) {
  const thisMonth = month.slice(0, 7);
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] table-fixed border-collapse text-left">
        <caption className="sr-only">{monthLabel(month)}</caption>
        <thead>
          <tr>
            {weekdayNames.map((name) => (
              <th key={name} scope="col" abbr={name} className="border-b border-slate-200 px-2 py-2 text-xs font-semibold uppercase tracking-wide text-ink-muted">
                <span aria-hidden="true">{name.slice(0, 3)}</span>
                <span className="sr-only">{name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const list = entries.get(day) ?? [];
                const isToday = day === today;
                const outside = day.slice(0, 7) !== thisMonth;
                const agenda = calendarHref({ view: "agenda", date: day, courseId }, `#day-${day}`);
                return (
                  <td
                    key={day}
                    aria-current={isToday ? "date" : undefined}
                    className={`h-28 border border-slate-200 p-1 align-top ${outside ? "bg-slate-50" : "bg-white"} ${isToday ? "ring-2 ring-inset ring-brand-600" : ""}`}
                  >
                    <Link
                      href={agenda}
                      className={`mb-1 inline-grid size-7 place-items-center rounded-full text-sm tabular-nums hover:bg-slate-100 ${
                        isToday ? "bg-brand-600 font-bold text-white hover:bg-brand-700" : outside ? "text-ink-muted" : "font-medium"
                      }`}
                    >
                      <span aria-hidden="true">{Number(day.slice(8))}</span>
                      <span className="sr-only">
                        {longDayLabel(day)}
                        {isToday ? ", today" : ""}
                        {list.length > 0 ? `, ${list.length} item${list.length === 1 ? "" : "s"}` : ""}
                      </span>
                    </Link>
                    {list.length > 0 ? (
                      <ul className="flex flex-col gap-0.5">
                        {list.slice(0, itemsPerCell).map((entry) => (
                          <li key={entry.key}>
                            <CompactEntry entry={entry} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {list.length > itemsPerCell ? (
                      <Link href={agenda} className="mt-0.5 block text-xs font-semibold text-brand-700 underline">
                        +{list.length - itemsPerCell} more<span className="sr-only"> on {longDayLabel(day)}</span>
                      </Link>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
