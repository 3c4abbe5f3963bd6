import { describe, expect, it } from "vitest";
import {
  addDays,
  clockTimeIn,
  daysInMonth,
  instantOf,
  isLeapYear,
  isoDayIn,
  isTimeZone,
  normalizeTimeZone,
  parseClockTime,
  parseIsoDay,
  resolveTimeZone,
  startOfDayIn,
  wallClockAt,
  weekdayOf,
  zoneAbbreviation,
  zoneOffsetMs,
} from "@/lib/calendar/time-zone";

const hour = 3_600_000;
const wall = (text: string) => {
  const [day, time] = text.split(" ");
  const [year, month, date] = day!.split("-").map(Number);
  const [h, m] = time!.split(":").map(Number);
  return { year: year!, month: month!, day: date!, hour: h!, minute: m! };
};

describe("normalizeTimeZone", () => {
  it.each([
    ["Europe/London", "Europe/London"],
    ["europe/london", "Europe/London"],
    ["AMERICA/NEW_YORK", "America/New_York"],
    ["utc", "UTC"],
    ["UTC", "UTC"],
    [" Asia/Tokyo ", "Asia/Tokyo"],
    ["Etc/GMT+5", "Etc/GMT+5"],
    ["America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeTimeZone(input)).toBe(expected);
  });

  it("keeps a link name as written", () => {
    // Node's ICU calls it Asia/Calcutta; browsers report Asia/Kolkata: both are accepted and kept.
    expect(normalizeTimeZone("Asia/Kolkata")).toMatch(/^Asia\/(Kolkata|Calcutta)$/);
    expect(isTimeZone("Asia/Calcutta")).toBe(true);
  });

  it.each([
    ["an unknown city", "Mars/Olympus_Mons"],
    ["an offset", "+05:30"],
    ["an empty string", ""],
    ["spaces", "   "],
    ["a path", "../etc/passwd"],
    ["a NUL", "Europe/London\u0000"],
    ["a zero-width space", "Europe/\u200bLondon"],
    ["too long", `Europe/${"a".repeat(60)}`],
    ["a script", "<script>"],
  ])("refuses %s", (_label, input) => {
    expect(normalizeTimeZone(input)).toBeNull();
    expect(isTimeZone(input)).toBe(false);
  });

  it("refuses what is not text", () => {
    for (const value of [null, undefined, 5, {}, ["Europe/London"]]) expect(normalizeTimeZone(value)).toBeNull();
  });
});

describe("resolveTimeZone", () => {
  it("prefers the setting, then the browser's, then UTC", () => {
    expect(resolveTimeZone("Asia/Tokyo", "Europe/London")).toBe("Asia/Tokyo");
    expect(resolveTimeZone(null, "Europe/London")).toBe("Europe/London");
    expect(resolveTimeZone(undefined, undefined)).toBe("UTC");
    expect(resolveTimeZone(null, null)).toBe("UTC");
  });

  it("passes over an invalid setting or cookie", () => {
    expect(resolveTimeZone("Nowhere/Land", "America/New_York")).toBe("America/New_York");
    expect(resolveTimeZone("Nowhere/Land", "not a zone")).toBe("UTC");
    expect(resolveTimeZone("", "europe/paris")).toBe("Europe/Paris");
  });
});

describe("wallClockAt and zoneOffsetMs", () => {
  it("reads the clock in each zone", () => {
    const at = new Date("2026-07-01T12:00:00Z");
    expect(wallClockAt(at, "Europe/London")).toEqual({ year: 2026, month: 7, day: 1, hour: 13, minute: 0, second: 0 });
    expect(wallClockAt(at, "America/New_York")).toMatchObject({ hour: 8, minute: 0 });
    expect(wallClockAt(at, "Asia/Kolkata")).toMatchObject({ hour: 17, minute: 30 });
    expect(wallClockAt(at, "UTC")).toMatchObject({ hour: 12 });
  });

  it("uses 00 for midnight, never 24", () => {
    expect(wallClockAt(new Date("2026-01-01T00:00:00Z"), "UTC")).toMatchObject({ day: 1, hour: 0 });
  });

  it("crosses the date line", () => {
    expect(wallClockAt(new Date("2026-12-31T23:30:00Z"), "Pacific/Auckland")).toMatchObject({ year: 2027, month: 1, day: 1, hour: 12, minute: 30 });
    expect(wallClockAt(new Date("2026-01-01T05:00:00Z"), "America/New_York")).toMatchObject({ year: 2026, month: 1, day: 1, hour: 0 });
    expect(wallClockAt(new Date("2026-01-01T04:59:00Z"), "America/New_York")).toMatchObject({ year: 2025, month: 12, day: 31, hour: 23, minute: 59 });
  });

  it("gives each zone's offset, summer and winter", () => {
    expect(zoneOffsetMs(new Date("2026-01-15T12:00:00Z"), "Europe/London")).toBe(0);
    expect(zoneOffsetMs(new Date("2026-07-15T12:00:00Z"), "Europe/London")).toBe(hour);
    expect(zoneOffsetMs(new Date("2026-01-15T12:00:00Z"), "America/New_York")).toBe(-5 * hour);
    expect(zoneOffsetMs(new Date("2026-07-15T12:00:00Z"), "America/New_York")).toBe(-4 * hour);
    expect(zoneOffsetMs(new Date("2026-01-15T12:00:00Z"), "Asia/Kolkata")).toBe(5.5 * hour);
    expect(zoneOffsetMs(new Date("2026-07-15T12:00:00Z"), "Asia/Kolkata")).toBe(5.5 * hour);
    expect(zoneOffsetMs(new Date("2026-07-15T12:00:00.750Z"), "UTC")).toBe(0);
  });
});

describe("instantOf", () => {
  it("round-trips ordinary times", () => {
    for (const zone of ["Europe/London", "America/New_York", "Asia/Kolkata", "UTC", "Australia/Sydney"]) {
      for (const text of ["2026-01-15 09:00", "2026-07-15 18:45", "2024-02-29 00:00", "2026-12-31 23:59"]) {
        const instant = instantOf(wall(text), zone);
        expect({ ...wallClockAt(instant, zone), second: undefined }).toEqual({ ...wall(text), second: undefined });
      }
    }
  });

  it("reads each zone's offset", () => {
    expect(instantOf(wall("2026-01-15 09:00"), "Europe/London").toISOString()).toBe("2026-01-15T09:00:00.000Z");
    expect(instantOf(wall("2026-07-15 09:00"), "Europe/London").toISOString()).toBe("2026-07-15T08:00:00.000Z");
    expect(instantOf(wall("2026-01-15 09:00"), "America/New_York").toISOString()).toBe("2026-01-15T14:00:00.000Z");
    expect(instantOf(wall("2026-07-15 09:00"), "America/New_York").toISOString()).toBe("2026-07-15T13:00:00.000Z");
    expect(instantOf(wall("2026-07-15 09:00"), "Asia/Kolkata").toISOString()).toBe("2026-07-15T03:30:00.000Z");
    expect(instantOf(wall("2026-01-01 00:00"), "Asia/Kolkata").toISOString()).toBe("2025-12-31T18:30:00.000Z");
  });

  describe("Europe/London", () => {
    // Clocks go forward at 01:00 GMT on 29 March 2026 and back at 02:00 BST on 25 October 2026.
    it("moves a time in the spring gap past it", () => {
      expect(instantOf(wall("2026-03-29 01:30"), "Europe/London").toISOString()).toBe("2026-03-29T01:30:00.000Z");
      expect(clockTimeIn(instantOf(wall("2026-03-29 01:30"), "Europe/London"), "Europe/London")).toBe("02:30");
    });

    it("keeps the times either side of the gap", () => {
      expect(instantOf(wall("2026-03-29 00:59"), "Europe/London").toISOString()).toBe("2026-03-29T00:59:00.000Z");
      expect(instantOf(wall("2026-03-29 02:00"), "Europe/London").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    });

    it("takes the first of an autumn time that happens twice", () => {
      expect(instantOf(wall("2026-10-25 01:30"), "Europe/London").toISOString()).toBe("2026-10-25T00:30:00.000Z");
      expect(instantOf(wall("2026-10-25 02:00"), "Europe/London").toISOString()).toBe("2026-10-25T02:00:00.000Z");
    });
  });

  describe("America/New_York", () => {
    // Forward at 02:00 EST on 8 March 2026, back at 02:00 EDT on 1 November 2026.
    it("moves 02:30 on the spring night to 03:30", () => {
      const instant = instantOf(wall("2026-03-08 02:30"), "America/New_York");
      expect(instant.toISOString()).toBe("2026-03-08T07:30:00.000Z");
      expect(clockTimeIn(instant, "America/New_York")).toBe("03:30");
    });

    it("takes 01:30 EDT, the first 01:30 of the autumn night", () => {
      expect(instantOf(wall("2026-11-01 01:30"), "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
      expect(instantOf(wall("2026-11-01 00:59"), "America/New_York").toISOString()).toBe("2026-11-01T04:59:00.000Z");
      expect(instantOf(wall("2026-11-01 02:00"), "America/New_York").toISOString()).toBe("2026-11-01T07:00:00.000Z");
    });
  });

  it("Asia/Kolkata has no change at all", () => {
    expect(instantOf(wall("2026-03-29 01:30"), "Asia/Kolkata").toISOString()).toBe("2026-03-28T20:00:00.000Z");
    expect(instantOf(wall("2026-10-25 01:30"), "Asia/Kolkata").toISOString()).toBe("2026-10-24T20:00:00.000Z");
  });

  it("handles a zone that changes at midnight (Santiago, forward at 00:00 on 6 September 2026)", () => {
    const start = startOfDayIn("2026-09-06", "America/Santiago");
    expect(clockTimeIn(start, "America/Santiago")).toBe("01:00");
    expect(isoDayIn(start, "America/Santiago")).toBe("2026-09-06");
  });
});

describe("days", () => {
  it("parses real calendar days only", () => {
    expect(parseIsoDay("2026-02-28")).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseIsoDay("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ["2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-5", "26-01-05", "2026-01-05T00:00", ""]) {
      expect(parseIsoDay(bad)).toBeNull();
    }
    expect(parseIsoDay("2000-02-29")).not.toBeNull();
  });

  it("parses 24-hour times", () => {
    expect(parseClockTime("00:00")).toEqual({ hour: 0, minute: 0 });
    expect(parseClockTime("23:59")).toEqual({ hour: 23, minute: 59 });
    for (const bad of ["24:00", "9:00", "12:60", "12:5", "noon", ""]) expect(parseClockTime(bad)).toBeNull();
  });

  it("knows leap years and month lengths", () => {
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2026, month))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it("adds days across month and year ends and leap days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
  });

  it("numbers weekdays from Monday", () => {
    expect(weekdayOf("2026-12-07")).toBe(0);
    expect(weekdayOf("2026-12-13")).toBe(6);
    expect(weekdayOf("2024-02-29")).toBe(3);
  });

  it("starts a day at the zone's midnight, 23 or 25 hours before the next across a change", () => {
    expect(startOfDayIn("2026-07-01", "Europe/London").toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(startOfDayIn("2026-07-01", "Asia/Kolkata").toISOString()).toBe("2026-06-30T18:30:00.000Z");
    const length = (day: string, zone: string) => (startOfDayIn(addDays(day, 1), zone).getTime() - startOfDayIn(day, zone).getTime()) / hour;
    expect(length("2026-03-29", "Europe/London")).toBe(23);
    expect(length("2026-10-25", "Europe/London")).toBe(25);
    expect(length("2026-03-08", "America/New_York")).toBe(23);
    expect(length("2026-11-01", "America/New_York")).toBe(25);
    expect(length("2026-03-08", "Asia/Kolkata")).toBe(24);
  });

  it("finds the day an instant falls on in a zone", () => {
    const at = new Date("2026-12-31T20:00:00Z");
    expect(isoDayIn(at, "UTC")).toBe("2026-12-31");
    expect(isoDayIn(at, "Asia/Kolkata")).toBe("2027-01-01");
    expect(isoDayIn(at, "America/New_York")).toBe("2026-12-31");
  });

  it("names the zone", () => {
    expect(zoneAbbreviation(new Date("2026-07-01T12:00:00Z"), "Europe/London")).toBe("BST");
    expect(zoneAbbreviation(new Date("2026-01-01T12:00:00Z"), "UTC")).toBe("UTC");
    expect(zoneAbbreviation(new Date("2026-01-01T12:00:00Z"), "Asia/Kolkata")).toBe("GMT+5:30");
  });
});
