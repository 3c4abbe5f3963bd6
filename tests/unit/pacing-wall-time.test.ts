import { describe, expect, it } from "vitest";
import { isTimeZone } from "@/lib/calendar/time-zone";
import { formatInstant, instantToWallTime, wallTimeToInstant } from "@/lib/pacing/wall-time";

describe("wallTimeToInstant", () => {
  it("reads a wall time in UTC, in a zone east and west of it", () => {
    expect(wallTimeToInstant("2026-12-10T09:00", "UTC")).toEqual({ ok: true, instant: new Date("2026-12-10T09:00:00Z") });
    expect(wallTimeToInstant("2026-12-10T09:00", "Europe/Berlin")).toEqual({ ok: true, instant: new Date("2026-12-10T08:00:00Z") });
    expect(wallTimeToInstant("2026-07-10T09:00", "Europe/Berlin")).toEqual({ ok: true, instant: new Date("2026-07-10T07:00:00Z") });
    expect(wallTimeToInstant("2026-12-10T09:00", "America/New_York")).toEqual({ ok: true, instant: new Date("2026-12-10T14:00:00Z") });
    expect(wallTimeToInstant("2026-12-10T09:00", "Asia/Kolkata")).toEqual({ ok: true, instant: new Date("2026-12-10T03:30:00Z") });
  });

  it("takes seconds when given, and crosses the date line", () => {
    expect(wallTimeToInstant("2026-01-01T00:30:15", "Pacific/Auckland")).toEqual({ ok: true, instant: new Date("2025-12-31T11:30:15Z") });
  });

  it("refuses the hour the clocks skip, and takes the earlier of the hour that repeats", () => {
    // Berlin: 29 March 2026 02:00 → 03:00; 25 October 2026 03:00 → 02:00.
    expect(wallTimeToInstant("2026-03-29T02:30", "Europe/Berlin")).toEqual({ ok: false, reason: "skipped" });
    expect(wallTimeToInstant("2026-03-29T03:30", "Europe/Berlin")).toEqual({ ok: true, instant: new Date("2026-03-29T01:30:00Z") });
    expect(wallTimeToInstant("2026-10-25T02:30", "Europe/Berlin")).toEqual({ ok: true, instant: new Date("2026-10-25T00:30:00Z") });
  });

  it.each(["", "2026-12-10", "2026-12-10 09:00", "2026-02-30T09:00", "2026-12-10T24:00", "2026-12-10T09:60", "2026-13-01T09:00", "x2026-12-10T09:00"])(
    "refuses %j as not a wall time",
    (value) => {
      expect(wallTimeToInstant(value, "UTC")).toEqual({ ok: false, reason: "invalid" });
    },
  );
});

describe("instantToWallTime", () => {
  it("shows an instant as the zone's clocks do, and round-trips", () => {
    expect(instantToWallTime("2026-12-10T08:00:00Z", "Europe/Berlin")).toBe("2026-12-10T09:00");
    expect(instantToWallTime(new Date("2026-12-10T03:30:00Z"), "Asia/Kolkata")).toBe("2026-12-10T09:00");
    for (const zone of ["UTC", "Europe/Berlin", "America/Los_Angeles", "Australia/Adelaide"]) {
      const result = wallTimeToInstant("2026-06-15T18:45", zone);
      expect(result.ok && instantToWallTime(result.instant, zone)).toBe("2026-06-15T18:45");
    }
  });
});

describe("isTimeZone and formatInstant", () => {
  it("knows IANA zones and refuses the rest", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("x".repeat(65))).toBe(false);
  });

  it("names the zone it formats in", () => {
    expect(formatInstant(new Date("2026-12-10T09:00:00Z"), "UTC")).toBe("10 Dec 2026, 09:00 UTC");
    expect(formatInstant(new Date("2026-12-10T08:00:00Z"), "Europe/Berlin")).toBe("10 Dec 2026, 09:00 CET");
  });
});
