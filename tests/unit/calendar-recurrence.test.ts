import { describe, expect, it } from "vitest";
import { allOccurrences, occurrencesBetween, occursBetween, overlaps, type RecurringSpan } from "@/lib/calendar/expand-recurrence";
import { clockTimeIn, instantOf, isoDayIn } from "@/lib/calendar/time-zone";

const hour = 3_600_000;
const at = (iso: string) => new Date(iso);
const range = (from: string, to: string) => ({ from: at(from), to: at(to) });

/** A 1-hour event starting at a wall-clock time in a zone. */
function series(
  zone: string,
  day: string,
  time: string,
  recurrence: Partial<NonNullable<RecurringSpan["recurrence"]>> | null,
  minutes = 60,
): RecurringSpan {
  const [year, month, date] = day.split("-").map(Number);
  const [h, m] = time.split(":").map(Number);
  const startsAt = instantOf({ year: year!, month: month!, day: date!, hour: h!, minute: m! }, zone);
  return {
    startsAt,
    endsAt: new Date(startsAt.getTime() + minutes * 60_000),
    allDay: false,
    timeZone: zone,
    recurrence: recurrence ? { frequency: "weekly", interval: 1, until: null, count: null, ...recurrence } : null,
  };
}

const days = (list: { startsAt: Date }[], zone: string) => list.map((o) => isoDayIn(o.startsAt, zone));
const times = (list: { startsAt: Date }[], zone: string) => list.map((o) => clockTimeIn(o.startsAt, zone));

describe("overlaps", () => {
  it("counts a span meeting the range, the end exclusive", () => {
    const r = range("2026-01-10T00:00:00Z", "2026-01-11T00:00:00Z");
    expect(overlaps(at("2026-01-09T23:00:00Z"), at("2026-01-10T01:00:00Z"), r)).toBe(true);
    expect(overlaps(at("2026-01-09T23:00:00Z"), at("2026-01-10T00:00:00Z"), r)).toBe(false);
    expect(overlaps(at("2026-01-11T00:00:00Z"), at("2026-01-11T01:00:00Z"), r)).toBe(false);
    expect(overlaps(at("2026-01-10T12:00:00Z"), at("2026-01-10T12:00:00Z"), r)).toBe(true);
    expect(overlaps(at("2026-01-10T00:00:00Z"), at("2026-01-10T00:00:00Z"), r)).toBe(true);
    expect(overlaps(at("2026-01-09T00:00:00Z"), at("2026-01-12T00:00:00Z"), r)).toBe(true);
  });
});

describe("a single event", () => {
  const event = series("UTC", "2026-05-05", "10:00", null);
  it("is its own occurrence when it meets the range", () => {
    expect(occurrencesBetween(event, range("2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z"))).toEqual([
      { startsAt: event.startsAt, endsAt: event.endsAt },
    ]);
    expect(occursBetween(event, range("2026-05-05T10:30:00Z", "2026-05-05T10:31:00Z"))).toBe(true);
  });
  it("and nothing otherwise", () => {
    expect(occurrencesBetween(event, range("2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z"))).toEqual([]);
    expect(occursBetween(event, range("2026-05-05T11:00:00Z", "2026-05-06T00:00:00Z"))).toBe(false);
  });
});

describe("daily", () => {
  it("repeats every day, or every n days", () => {
    const every = series("UTC", "2026-01-30", "08:00", { frequency: "daily", count: 4 });
    expect(days(allOccurrences(every), "UTC")).toEqual(["2026-01-30", "2026-01-31", "2026-02-01", "2026-02-02"]);
    const third = series("UTC", "2026-02-26", "08:00", { frequency: "daily", interval: 3, count: 4 });
    expect(days(allOccurrences(third), "UTC")).toEqual(["2026-02-26", "2026-03-01", "2026-03-04", "2026-03-07"]);
  });

  it("crosses a leap day", () => {
    const event = series("UTC", "2024-02-28", "08:00", { frequency: "daily", count: 3 });
    expect(days(allOccurrences(event), "UTC")).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
  });

  it("keeps 09:00 in London across both clock changes", () => {
    const spring = series("Europe/London", "2026-03-27", "09:00", { frequency: "daily", count: 4 });
    const list = allOccurrences(spring);
    expect(times(list, "Europe/London")).toEqual(["09:00", "09:00", "09:00", "09:00"]);
    expect(list.map((o) => o.startsAt.toISOString())).toEqual([
      "2026-03-27T09:00:00.000Z",
      "2026-03-28T09:00:00.000Z",
      "2026-03-29T08:00:00.000Z",
      "2026-03-30T08:00:00.000Z",
    ]);
    const autumn = series("Europe/London", "2026-10-24", "09:00", { frequency: "daily", count: 3 });
    expect(allOccurrences(autumn).map((o) => o.startsAt.toISOString())).toEqual([
      "2026-10-24T08:00:00.000Z",
      "2026-10-25T09:00:00.000Z",
      "2026-10-26T09:00:00.000Z",
    ]);
  });

  it("lasts as long as the first occurrence", () => {
    const event = series("America/New_York", "2026-03-07", "23:30", { frequency: "daily", count: 3 }, 90);
    for (const occurrence of allOccurrences(event)) expect(occurrence.endsAt.getTime() - occurrence.startsAt.getTime()).toBe(1.5 * hour);
  });

  it("moves an occurrence in the spring gap past it", () => {
    const event = series("America/New_York", "2026-03-07", "02:30", { frequency: "daily", count: 3 });
    expect(times(allOccurrences(event), "America/New_York")).toEqual(["02:30", "03:30", "02:30"]);
  });

  it("stops at `until`, inclusive", () => {
    const event = series("UTC", "2026-01-01", "10:00", { frequency: "daily", until: at("2026-01-03T10:00:00Z") });
    expect(days(allOccurrences(event), "UTC")).toEqual(["2026-01-01", "2026-01-02", "2026-01-03"]);
    const before = series("UTC", "2026-01-01", "10:00", { frequency: "daily", until: at("2026-01-03T09:59:59Z") });
    expect(allOccurrences(before)).toHaveLength(2);
  });
});

describe("weekly", () => {
  it("keeps the weekday and the time in New York across the autumn change", () => {
    // Thursdays at 18:00: 29 October (EDT) and 5 November (EST) 2026.
    const event = series("America/New_York", "2026-10-22", "18:00", { frequency: "weekly", count: 3 });
    const list = allOccurrences(event);
    expect(days(list, "America/New_York")).toEqual(["2026-10-22", "2026-10-29", "2026-11-05"]);
    expect(times(list, "America/New_York")).toEqual(["18:00", "18:00", "18:00"]);
    expect(list[2]!.startsAt.toISOString()).toBe("2026-11-05T23:00:00.000Z");
  });

  it("repeats every other week", () => {
    const event = series("UTC", "2026-12-28", "10:00", { frequency: "weekly", interval: 2, count: 3 });
    expect(days(allOccurrences(event), "UTC")).toEqual(["2026-12-28", "2027-01-11", "2027-01-25"]);
  });

  it("does not move in Kolkata, which has no changes", () => {
    const event = series("Asia/Kolkata", "2026-03-02", "09:30", { frequency: "weekly", count: 40 });
    const list = allOccurrences(event);
    expect(new Set(list.map((o) => o.startsAt.getUTCHours() * 60 + o.startsAt.getUTCMinutes()))).toEqual(new Set([4 * 60]));
  });
});

describe("monthly", () => {
  it("skips the months without the 31st, which do not count", () => {
    const event = series("UTC", "2026-01-31", "10:00", { frequency: "monthly", count: 5 });
    expect(days(allOccurrences(event), "UTC")).toEqual(["2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31"]);
  });

  it("keeps the 30th except in February", () => {
    const event = series("UTC", "2026-01-30", "10:00", { frequency: "monthly", count: 3 });
    expect(days(allOccurrences(event), "UTC")).toEqual(["2026-01-30", "2026-03-30", "2026-04-30"]);
  });

  it("meets 29 February only in leap years, every 12 months", () => {
    const event = series("UTC", "2024-02-29", "10:00", { frequency: "monthly", interval: 12, count: 3 });
    expect(days(allOccurrences(event), "UTC")).toEqual(["2024-02-29", "2028-02-29", "2032-02-29"]);
  });

  it("every 3 months across a year end", () => {
    const event = series("UTC", "2026-11-15", "10:00", { frequency: "monthly", interval: 3, until: at("2027-08-16T00:00:00Z") });
    expect(days(allOccurrences(event), "UTC")).toEqual(["2026-11-15", "2027-02-15", "2027-05-15", "2027-08-15"]);
  });

  it("keeps the wall-clock time across a change in London", () => {
    const event = series("Europe/London", "2026-02-15", "19:00", { frequency: "monthly", count: 3 });
    expect(times(allOccurrences(event), "Europe/London")).toEqual(["19:00", "19:00", "19:00"]);
    expect(allOccurrences(event)[1]!.startsAt.toISOString()).toBe("2026-03-15T19:00:00.000Z");
    expect(allOccurrences(event)[2]!.startsAt.toISOString()).toBe("2026-04-15T18:00:00.000Z");
  });
});

describe("all-day events", () => {
  it("repeat their dates in UTC, whatever the zone stored", () => {
    const startsAt = at("2026-03-28T00:00:00Z");
    const event: RecurringSpan = {
      startsAt,
      endsAt: at("2026-03-29T00:00:00Z"),
      allDay: true,
      timeZone: "Europe/London",
      recurrence: { frequency: "daily", interval: 1, until: null, count: 3 },
    };
    expect(allOccurrences(event).map((o) => o.startsAt.toISOString())).toEqual([
      "2026-03-28T00:00:00.000Z",
      "2026-03-29T00:00:00.000Z",
      "2026-03-30T00:00:00.000Z",
    ]);
  });
});

describe("a range", () => {
  const weekly = series("UTC", "2026-01-05", "10:00", { frequency: "weekly", count: 10 });

  it("gives only the occurrences in it", () => {
    expect(days(occurrencesBetween(weekly, range("2026-01-19T00:00:00Z", "2026-02-02T00:00:00Z")), "UTC")).toEqual(["2026-01-19", "2026-01-26"]);
  });

  it("counts from the first occurrence, not from the range", () => {
    // The 10th and last is 9 March; nothing after.
    expect(days(occurrencesBetween(weekly, range("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")), "UTC")).toEqual(["2026-03-02", "2026-03-09"]);
    expect(occursBetween(weekly, range("2026-03-10T00:00:00Z", "2027-01-01T00:00:00Z"))).toBe(false);
  });

  it("includes an occurrence still going on at the start of the range", () => {
    const long = series("UTC", "2026-01-05", "22:00", { frequency: "daily", count: 5 }, 240);
    expect(days(occurrencesBetween(long, range("2026-01-07T00:00:00Z", "2026-01-07T01:00:00Z")), "UTC")).toEqual(["2026-01-06"]);
  });

  it("has nothing before the series starts", () => {
    expect(occurrencesBetween(weekly, range("2025-01-01T00:00:00Z", "2026-01-05T10:00:00Z"))).toEqual([]);
  });

  it("ends an endless series at the range", () => {
    const endless = series("UTC", "2026-01-01", "10:00", { frequency: "daily" });
    expect(occurrencesBetween(endless, range("2036-01-01T00:00:00Z", "2036-01-04T00:00:00Z"))).toHaveLength(3);
    expect(occurrencesBetween(endless, range("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"), 20)).toHaveLength(20);
  });
});
