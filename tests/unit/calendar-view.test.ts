import { describe, expect, it } from "vitest";
import type { CalendarItem } from "@/lib/calendar/calendar-item";
import { ruleDate } from "@/lib/calendar/calendar-items";
import {
  calendarHref,
  daysOf,
  entriesByDay,
  monthDays,
  monthLabel,
  monthWeeks,
  neighbours,
  parseCalendarParams,
  rangeOf,
  weekDays,
  weekLabel,
} from "@/lib/calendar/calendar-view";
import { courseEventFieldsSchema, eventColumnsOf, eventValuesOf, type CourseEventValues } from "@/lib/calendar/event-schemas";
import { describeRecurrence, formatSpan } from "@/lib/calendar/format";

const item = (overrides: Partial<CalendarItem>): CalendarItem => ({
  id: "event-1",
  kind: "event",
  title: "Class",
  description: "",
  location: "",
  courseId: "00000000-0000-4000-8000-000000000001",
  courseTitle: "Physics",
  courseSlug: "physics",
  startsAt: new Date("2026-12-07T09:00:00Z"),
  endsAt: new Date("2026-12-07T10:00:00Z"),
  allDay: false,
  path: "/calendar/events/1",
  recurrence: null,
  updatedAt: new Date("2026-12-01T00:00:00Z"),
  sequence: 0,
  ...overrides,
});

describe("parseCalendarParams", () => {
  it("reads the view, the day and the course", () => {
    expect(parseCalendarParams({ view: "week", date: "2026-02-28", course: "00000000-0000-4000-8000-000000000001" }, "2026-12-07")).toEqual({
      view: "week",
      date: "2026-02-28",
      courseId: "00000000-0000-4000-8000-000000000001",
    });
  });

  it("falls back on anything unreadable, never throwing", () => {
    const fallback = { view: null, date: "2026-12-07", courseId: undefined };
    for (const raw of [undefined, null, {}, { view: "year" }, { date: "2026-02-30" }, { date: "0001-01-01" }, { date: ["x"] }, { course: "nope" }, "junk"]) {
      expect(parseCalendarParams(raw, "2026-12-07")).toEqual(fallback);
    }
    expect(parseCalendarParams({ view: ["agenda", "week"] }, "2026-12-07").view).toBe("agenda");
  });
});

describe("the days of each view", () => {
  it("fills a month grid with whole weeks from Monday", () => {
    const weeks = monthWeeks("2026-02-14");
    expect(weeks).toHaveLength(5);
    expect(weeks[0]![0]).toBe("2026-01-26");
    expect(weeks.at(-1)![6]).toBe("2026-03-01");
    // February 2021 starts on a Monday and has exactly four weeks.
    expect(monthWeeks("2021-02-10")).toHaveLength(4);
    expect(monthWeeks("2026-08-01")).toHaveLength(6);
  });

  it("lists a week and a month's days", () => {
    expect(weekDays("2026-12-31")).toEqual(["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"]);
    expect(monthDays("2024-02-10")).toHaveLength(29);
    expect(daysOf("agenda", "2026-04-05")).toHaveLength(30);
    expect(daysOf(null, "2026-04-05")).toEqual(monthWeeks("2026-04-05").flat());
  });

  it("moves by a month or a week", () => {
    expect(neighbours("month", "2026-01-31")).toEqual({ previous: "2025-12-01", next: "2026-02-01" });
    expect(neighbours(null, "2026-12-15")).toEqual({ previous: "2026-11-01", next: "2027-01-01" });
    expect(neighbours("week", "2026-12-31")).toEqual({ previous: "2026-12-21", next: "2027-01-04" });
  });

  it("spans the days in the reader's zone", () => {
    expect(rangeOf(["2026-07-01", "2026-07-02"], "Europe/London")).toEqual({
      from: new Date("2026-06-30T23:00:00Z"),
      to: new Date("2026-07-02T23:00:00Z"),
    });
  });

  it("builds addresses and labels", () => {
    expect(calendarHref({ view: "agenda", date: "2026-12-07", courseId: "c" }, "#day-2026-12-07")).toBe("/calendar?view=agenda&date=2026-12-07&course=c#day-2026-12-07");
    expect(calendarHref({ view: null, date: "2026-12-07" })).toBe("/calendar?date=2026-12-07");
    expect(monthLabel("2026-12-07")).toBe("December 2026");
    expect(weekLabel("2026-12-09")).toBe("7 – 13 December 2026");
    expect(weekLabel("2026-12-31")).toBe("28 December 2026 – 3 January 2027");
    expect(weekLabel("2026-11-30")).toBe("30 November – 6 December 2026");
  });
});

describe("entriesByDay", () => {
  const week = weekDays("2026-12-07");

  it("puts each occurrence of a series on its day, in the reader's zone", () => {
    const series = item({ recurrence: { frequency: "daily", interval: 2, until: null, count: 3, timeZone: "UTC" } });
    const byDay = entriesByDay([series], week, "Asia/Kolkata");
    expect([...byDay].filter(([, list]) => list.length > 0).map(([day, list]) => [day, list[0]!.timeLabel])).toEqual([
      ["2026-12-07", "14:30–15:30"],
      ["2026-12-09", "14:30–15:30"],
      ["2026-12-11", "14:30–15:30"],
    ]);
  });

  it("lists an all-day event on each of its dates, whatever the zone, first in the day", () => {
    const trip = item({ id: "event-2", allDay: true, startsAt: new Date("2026-12-08T00:00:00Z"), endsAt: new Date("2026-12-10T00:00:00Z") });
    const due = item({ id: "due-1", kind: "due", startsAt: new Date("2026-12-08T06:00:00Z"), endsAt: null });
    const byDay = entriesByDay([due, trip], week, "America/New_York");
    expect(byDay.get("2026-12-07")).toEqual([]);
    expect(byDay.get("2026-12-08")!.map((entry) => [entry.item.id, entry.timeLabel])).toEqual([
      ["event-2", "All day"],
      ["due-1", "01:00"],
    ]);
    expect(byDay.get("2026-12-09")!.map((entry) => entry.item.id)).toEqual(["event-2"]);
    expect(byDay.get("2026-12-10")).toEqual([]);
  });

  it("marks the days of an event running overnight", () => {
    const night = item({ startsAt: new Date("2026-12-07T22:00:00Z"), endsAt: new Date("2026-12-08T02:00:00Z") });
    const byDay = entriesByDay([night], week, "UTC");
    expect(byDay.get("2026-12-07")![0]!.timeLabel).toBe("from 22:00");
    expect(byDay.get("2026-12-08")![0]!.timeLabel).toBe("until 02:00");
  });
});

describe("course event values", () => {
  const values = (overrides: Partial<CourseEventValues> = {}): CourseEventValues => ({
    title: "Class",
    description: "",
    location: "",
    allDay: false,
    startDate: "2026-03-29",
    startTime: "09:00",
    endDate: "2026-03-29",
    endTime: "10:30",
    timeZone: "Europe/London",
    repeat: "none",
    interval: 1,
    ends: "count",
    untilDate: "",
    count: 5,
    ...overrides,
  });

  it("reads the times in the zone, across a clock change", () => {
    const result = eventColumnsOf(values());
    expect(result).toMatchObject({ ok: true, columns: { startsAt: new Date("2026-03-29T08:00:00Z"), endsAt: new Date("2026-03-29T09:30:00Z") } });
    const winter = eventColumnsOf(values({ startDate: "2026-03-28", endDate: "2026-03-28" }));
    expect(winter).toMatchObject({ ok: true, columns: { startsAt: new Date("2026-03-28T09:00:00Z") } });
  });

  it("ends a series on its last date, inclusive, in the zone", () => {
    const result = eventColumnsOf(values({ repeat: "weekly", ends: "until", untilDate: "2026-04-26" }));
    expect(result).toMatchObject({ ok: true, columns: { recurrence: "weekly", recurrenceCount: null, recurrenceUntil: new Date("2026-04-26T22:59:59Z") } });
  });

  it("stores all-day dates as UTC midnights, the end the day after", () => {
    const result = eventColumnsOf(values({ allDay: true, startTime: "", endTime: "", endDate: "2026-03-30" }));
    expect(result).toMatchObject({ ok: true, columns: { startsAt: new Date("2026-03-29T00:00:00Z"), endsAt: new Date("2026-03-31T00:00:00Z") } });
  });

  it("names the field in the way", () => {
    expect(eventColumnsOf(values({ endTime: "09:00" }))).toMatchObject({ ok: false, issues: { endTime: expect.any(String) } });
    expect(eventColumnsOf(values({ endDate: "2026-03-28" }))).toMatchObject({ ok: false, issues: { endDate: expect.any(String) } });
    expect(eventColumnsOf(values({ endDate: "2027-06-01" }))).toMatchObject({ ok: false, issues: { endDate: expect.stringContaining("at most a year") } });
    expect(eventColumnsOf(values({ repeat: "daily", count: undefined }))).toMatchObject({ ok: false, issues: { count: expect.any(String) } });
  });

  it("reads a stored event back into the same values", () => {
    for (const original of [
      values({ repeat: "monthly", interval: 2, ends: "until", untilDate: "2026-09-29" }),
      values({ allDay: true, startTime: "", endTime: "", endDate: "2026-03-31", repeat: "weekly", count: 4 }),
    ]) {
      const result = eventColumnsOf(original);
      if (!result.ok) throw new Error("expected valid values");
      const back = eventValuesOf({ ...result.columns, title: original.title, description: "", location: "" });
      expect(courseEventFieldsSchema.parse(back)).toMatchObject({
        startDate: original.startDate,
        endDate: original.endDate,
        repeat: original.repeat,
        untilDate: original.untilDate,
      });
    }
  });

  it("normalises the zone and trims the title through the schema", () => {
    const parsed = courseEventFieldsSchema.parse({ ...values(), timeZone: "europe/london", title: "  Class\u200b " });
    expect(parsed).toMatchObject({ timeZone: "Europe/London", title: "Class" });
    expect(courseEventFieldsSchema.safeParse({ ...values(), interval: "two", repeat: "daily" }).success).toBe(false);
  });
});

describe("words", () => {
  it("describes spans and repeats", () => {
    expect(formatSpan(new Date("2026-12-07T09:00:00Z"), new Date("2026-12-07T10:30:00Z"), false, "Europe/London")).toBe("Mon, 7 Dec 2026, 09:00–10:30 GMT");
    expect(formatSpan(new Date("2026-12-07T00:00:00Z"), new Date("2026-12-08T00:00:00Z"), true, "Asia/Kolkata")).toBe("Mon, 7 Dec 2026 (all day)");
    expect(formatSpan(new Date("2026-12-07T00:00:00Z"), new Date("2026-12-10T00:00:00Z"), true, "UTC")).toBe("Mon, 7 Dec 2026 – Wed, 9 Dec 2026 (all day)");
    expect(describeRecurrence({ frequency: "weekly", interval: 1, until: null, count: 10, timeZone: "UTC" }, "UTC")).toBe("Every week, 10 times");
    expect(describeRecurrence({ frequency: "daily", interval: 2, until: new Date("2027-03-12T23:59:59Z"), count: null, timeZone: "UTC" }, "UTC")).toBe(
      "Every 2 days until Fri, 12 Mar 2027",
    );
  });

  it("dates a rule by its dates: the last of an all-rule, the first of an any-rule", () => {
    const dates = [
      { kind: "date" as const, opensAt: "2026-12-10T09:00:00Z" },
      { kind: "date" as const, opensAt: "2026-12-01T09:00:00Z" },
    ];
    expect(ruleDate({ match: "all", conditions: dates })).toEqual({ opensAt: new Date("2026-12-10T09:00:00Z"), onlyDates: true });
    expect(ruleDate({ match: "any", conditions: [...dates, { kind: "enrolment_days", days: 2 }] })).toEqual({
      opensAt: new Date("2026-12-01T09:00:00Z"),
      onlyDates: false,
    });
    expect(ruleDate({ match: "all", conditions: [{ kind: "enrolment_days", days: 2 }] })).toBeNull();
    expect(ruleDate(null)).toBeNull();
  });
});
