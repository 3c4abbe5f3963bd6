import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { crlf } from "@/lib/calendar/ical/content-line";
import { vtimezoneLines } from "@/lib/calendar/ical/vtimezone";
import { isUtcZone, offsetSecondsAt, offsetTransitions } from "@/lib/calendar/ical/zone-offsets";
import { wallClockAt } from "@/lib/calendar/time-zone";

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/** The VTIMEZONE as ical.js reads it. */
function parsedZone(zone: string, span: { from: Date; to: Date }) {
  const text = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...vtimezoneLines(zone, span), "END:VCALENDAR", ""].join(crlf);
  const component = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vtimezone")!;
  return { component, timezone: new ICAL.Timezone(component) };
}

const observances = (component: ICAL.Component) =>
  component.getAllSubcomponents().map((sub) => ({
    kind: sub.name,
    dtstart: sub.getFirstProperty("dtstart")!.toICALString().split(":")[1],
    from: sub.getFirstProperty("tzoffsetfrom")!.toICALString().split(":")[1],
    to: sub.getFirstProperty("tzoffsetto")!.toICALString().split(":")[1],
    rrule: sub.getFirstProperty("rrule")?.toICALString().split(":")[1] ?? null,
    rdates: sub.getAllProperties("rdate").length,
  }));

describe("offsetTransitions", () => {
  it("finds London's two changes of 2026 to the second", () => {
    const found = offsetTransitions("Europe/London", new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"));
    expect(found).toEqual([
      { at: new Date("2026-03-29T01:00:00Z"), fromSeconds: 0, toSeconds: 3600 },
      { at: new Date("2026-10-25T01:00:00Z"), fromSeconds: 3600, toSeconds: 0 },
    ]);
  });

  it("finds none in a zone without summer time, and reads its half-hour offset", () => {
    expect(offsetTransitions("Asia/Kolkata", new Date("2020-01-01T00:00:00Z"), new Date("2030-01-01T00:00:00Z"))).toEqual([]);
    expect(offsetSecondsAt("Asia/Kolkata", new Date("2026-06-01T00:00:00Z"))).toBe(19_800);
  });

  it("finds the southern hemisphere's changes, summer time at the turn of the year", () => {
    const found = offsetTransitions("Australia/Sydney", new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"));
    expect(found.map((change) => [change.at.toISOString(), change.toSeconds / 3600])).toEqual([
      ["2026-04-04T16:00:00.000Z", 10],
      ["2026-10-03T16:00:00.000Z", 11],
    ]);
  });
});

describe("isUtcZone", () => {
  it.each(["UTC", "Etc/UTC", "GMT", "Etc/GMT", "Etc/GMT+0", "Zulu", "utc"])("%s is UTC", (zone) => expect(isUtcZone(zone)).toBe(true));
  it.each(["Europe/London", "Africa/Abidjan", "Etc/GMT+5", "UTC+1"])("%s is not", (zone) => expect(isUtcZone(zone)).toBe(false));
});

describe("vtimezoneLines", () => {
  const span2026 = { from: new Date("2026-01-15T00:00:00Z"), to: new Date("2027-02-01T00:00:00Z") };

  it("writes London as one yearly STANDARD and one yearly DAYLIGHT rule, as Outlook reads a zone", () => {
    const { component } = parsedZone("Europe/London", span2026);
    expect(component.getFirstPropertyValue("tzid")).toBe("Europe/London");
    expect(observances(component)).toEqual([
      { kind: "standard", dtstart: "20251026T020000", from: "+0100", to: "+0000", rrule: "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", rdates: 0 },
      { kind: "daylight", dtstart: "20250330T010000", from: "+0000", to: "+0100", rrule: "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", rdates: 0 },
    ]);
  });

  it("writes New York's second and first Sundays", () => {
    const rules = observances(parsedZone("America/New_York", span2026).component).map((o) => [o.kind, o.rrule]);
    expect(rules).toEqual([
      ["standard", "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"],
      ["daylight", "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"],
    ]);
  });

  it("gives a zone without changes a single STANDARD", () => {
    expect(observances(parsedZone("Asia/Kolkata", span2026).component)).toEqual([
      { kind: "standard", dtstart: "19700101T000000", from: "+0530", to: "+0530", rrule: null, rdates: 0 },
    ]);
  });

  it("ends the rule of a zone that gave up summer time (Samoa, 2021) instead of repeating it", () => {
    const rules = observances(parsedZone("Pacific/Apia", { from: new Date("2019-06-01T00:00:00Z"), to: new Date("2023-01-01T00:00:00Z") }).component);
    expect(rules.every((rule) => rule.rrule?.includes("UNTIL="))).toBe(true);
  });

  it("writes changes that follow no weekday rule (Morocco's Ramadan months) with RDATEs", () => {
    const rules = observances(parsedZone("Africa/Casablanca", span2026).component);
    expect(rules.some((rule) => rule.rrule === null && rule.rdates > 0)).toBe(true);
  });

  // ical.js must read every local time of the span with the offset Intl gives it, or an event would move.
  it.each([
    ["Europe/London", span2026],
    ["America/New_York", span2026],
    ["Australia/Sydney", span2026],
    ["Asia/Kolkata", span2026],
    ["Africa/Casablanca", span2026],
    ["America/Sao_Paulo", { from: new Date("2018-01-01T00:00:00Z"), to: new Date("2020-12-31T00:00:00Z") }],
    ["Asia/Jerusalem", { from: new Date("2018-01-01T00:00:00Z"), to: new Date("2022-12-31T00:00:00Z") }],
    ["Pacific/Apia", { from: new Date("2019-06-01T00:00:00Z"), to: new Date("2023-01-01T00:00:00Z") }],
  ] as const)("%s: ical.js reads each local time of the span as Intl does", (zone, span) => {
    const { timezone } = parsedZone(zone, span);
    const changes = offsetTransitions(zone, span.from, span.to).map((change) => change.at.getTime());
    const mismatches: string[] = [];
    for (let ms = span.from.getTime(); ms < span.to.getTime(); ms += 1.5 * dayMs + 7 * hourMs) {
      // Next to a change a local time happens twice or not at all: nothing to compare there.
      if (changes.some((at) => Math.abs(at - ms) < 3 * hourMs)) continue;
      const wall = wallClockAt(new Date(ms), zone);
      const time = ICAL.Time.fromData({ ...wall, isDate: false }, timezone);
      if (time.toUnixTime() * 1000 !== ms) mismatches.push(`${new Date(ms).toISOString()} read as ${new Date(time.toUnixTime() * 1000).toISOString()}`);
    }
    expect(mismatches).toEqual([]);
  });
});
