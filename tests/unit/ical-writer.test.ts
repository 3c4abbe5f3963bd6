import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { CalendarItem, CalendarRecurrence } from "@/lib/calendar/calendar-item";
import { crlf } from "@/lib/calendar/ical/content-line";
import { markdownToPlainText, maxDescriptionLength } from "@/lib/calendar/ical/plain-text";
import { writeCalendar, type CalendarOptions } from "@/lib/calendar/ical/write-calendar";
import { allOccurrences, occurrencesBetween } from "@/lib/calendar/expand-recurrence";

const options: CalendarOptions = {
  name: "Jeevi Academy: Arjun Mehta",
  description: "Due dates, openings and events of your courses",
  siteUrl: "https://academy.example.org",
  timeZone: "Europe/London",
  refreshMinutes: 60,
  coversUntil: new Date("2027-06-01T00:00:00Z"),
};

function item(overrides: Partial<CalendarItem> & Pick<CalendarItem, "id">): CalendarItem {
  return {
    kind: "due",
    title: "Due: Lab report",
    description: "",
    location: "",
    courseId: "5a0f4f0e-8a43-4f0e-9c1e-1f2d3c4b5a69",
    courseTitle: "Physics",
    courseSlug: "physics",
    startsAt: new Date("2026-03-20T17:00:00Z"),
    endsAt: null,
    allDay: false,
    path: "/learn/physics/assignment/7",
    recurrence: null,
    updatedAt: new Date("2026-03-01T10:15:30Z"),
    sequence: 0,
    ...overrides,
  };
}

const weekly = (overrides: Partial<CalendarRecurrence> = {}): CalendarRecurrence => ({
  frequency: "weekly",
  interval: 1,
  until: null,
  count: null,
  timeZone: "Europe/London",
  ...overrides,
});

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // Each VTIMEZONE of the file is what its events' TZIDs are read with.
  const zones = new Map(calendar.getAllSubcomponents("vtimezone").map((zone) => [zone.getFirstPropertyValue("tzid") as string, new ICAL.Timezone(zone)]));
  for (const [tzid, zone] of zones) ICAL.TimezoneService.register(zone, tzid);
  const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
  return { calendar, zones, events, event: (uid: string) => events.find((event) => event.uid === uid)! };
}

/** The start of every occurrence as ical.js expands the event (at most `limit`). */
function icalOccurrences(event: ICAL.Event, limit = 500, before = new Date("2100-01-01T00:00:00Z")): string[] {
  if (!event.isRecurring()) return [event.startDate.toJSDate().toISOString()];
  const iterator = event.iterator();
  const starts: string[] = [];
  for (let next = iterator.next(); next && starts.length < limit; next = iterator.next()) {
    const at = next.toJSDate();
    if (at >= before) break;
    starts.push(at.toISOString());
  }
  return starts;
}

function spanOf(calendarItem: CalendarItem) {
  const recurrence = calendarItem.recurrence;
  return {
    startsAt: calendarItem.startsAt,
    endsAt: calendarItem.endsAt ?? calendarItem.startsAt,
    allDay: calendarItem.allDay,
    timeZone: recurrence?.timeZone ?? "UTC",
    recurrence: recurrence ? { frequency: recurrence.frequency, interval: recurrence.interval, until: recurrence.until, count: recurrence.count } : null,
  };
}

describe("writeCalendar: the file", () => {
  const text = writeCalendar([item({ id: "due-1" })], options);

  it("ends every line with CRLF, and the file too, with no bare line feed or carriage return", () => {
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("has the calendar's properties: version, product, scale, method, name, zone and refresh", () => {
    const { calendar } = parse(text);
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Jeevi Academy//Jeevi Academy Calendar//EN");
    expect(calendar.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Jeevi Academy: Arjun Mehta");
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Europe/London");
    expect(calendar.getFirstPropertyValue("description")).toBe(options.description);
    // ical.js leaves X- properties as written: TEXT, escaped like any other.
    expect(calendar.getFirstPropertyValue("x-wr-caldesc")).toBe("Due dates\\, openings and events of your courses");
    expect(String(calendar.getFirstPropertyValue("refresh-interval"))).toBe("PT1H");
    expect(calendar.getFirstProperty("refresh-interval")!.type).toBe("duration");
    expect(text).toContain("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n");
    expect(calendar.getFirstPropertyValue("x-published-ttl")).toBe("PT1H");
  });

  it("leaves X-WR-TIMEZONE out when the reader's zone is unknown or not a zone", () => {
    for (const timeZone of [null, "Mars/Olympus"]) {
      expect(parse(writeCalendar([], { ...options, timeZone })).calendar.getFirstProperty("x-wr-timezone")).toBeNull();
    }
  });

  it("is a valid calendar with no events too", () => {
    const { calendar, events } = parse(writeCalendar([], options));
    expect(events).toEqual([]);
    expect(calendar.getAllSubcomponents("vtimezone")).toEqual([]);
  });

  it("makes the same bytes from the same items in any order, so the feed's ETag is stable", () => {
    const items = [item({ id: "due-1" }), item({ id: "due-2", startsAt: new Date("2026-03-10T09:00:00Z") }), item({ id: "due-3" })];
    expect(writeCalendar([...items].reverse(), options)).toBe(writeCalendar(items, options));
  });
});

describe("writeCalendar: an event per item", () => {
  it("gives each item a UID of its id at the site's host, stable across edits", () => {
    const before = parse(writeCalendar([item({ id: "due-7f3a" })], options)).events[0]!;
    const moved = parse(writeCalendar([item({ id: "due-7f3a", startsAt: new Date("2026-04-02T12:00:00Z"), updatedAt: new Date("2026-03-05T08:00:00Z") })], options)).events[0]!;
    expect(before.uid).toBe("due-7f3a@academy.example.org");
    expect(moved.uid).toBe(before.uid);
    expect(moved.startDate.toJSDate().toISOString()).toBe("2026-04-02T12:00:00.000Z");
  });

  it("writes a due date as a moment in UTC that makes nobody busy, with the course in its summary", () => {
    const { events, calendar } = parse(writeCalendar([item({ id: "due-1" })], options));
    const event = events[0]!;
    expect(event.summary).toBe("Due: Lab report (Physics)");
    expect(event.startDate.zone?.tzid).toBe("UTC");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-03-20T17:00:00.000Z");
    expect(event.endDate.compare(event.startDate)).toBe(0);
    expect(event.component.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
    // A calendar of UTC times only needs no VTIMEZONE.
    expect(calendar.getAllSubcomponents("vtimezone")).toEqual([]);
  });

  it("stamps an item with its last change and its sequence", () => {
    const event = parse(writeCalendar([item({ id: "event-1", kind: "event", sequence: 3 })], options)).events[0]!;
    expect(event.sequence).toBe(3);
    expect((event.component.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate().toISOString()).toBe("2026-03-01T10:15:30.000Z");
    expect((event.component.getFirstPropertyValue("last-modified") as ICAL.Time).toJSDate().toISOString()).toBe("2026-03-01T10:15:30.000Z");
    expect(event.component.getFirstPropertyValue("transp")).toBe("OPAQUE");
  });

  it("links to the item with an absolute URL, in URL and at the end of the description", () => {
    const event = parse(writeCalendar([item({ id: "due-1", description: "Your own due date, set by your teacher." })], options)).events[0]!;
    expect(event.component.getFirstPropertyValue("url")).toBe("https://academy.example.org/learn/physics/assignment/7");
    expect(event.description).toBe("Your own due date, set by your teacher.\n\nCourse: Physics\n\nhttps://academy.example.org/learn/physics/assignment/7");
  });

  it("keeps commas, semicolons, backslashes, line breaks, Tamil and emoji through folding and escaping", () => {
    const title = "வகுப்பு: இயற்பியல், அலகு 1; தேர்வு 🎓 \\ review";
    const description = `${"**Bring** pens, paper; a calculator 🧮.\nமுக்கியம்: நேரத்திற்கு வரவும் 🙏\n".repeat(8)}Done`;
    const text = writeCalendar(
      [item({ id: "event-ta", kind: "event", title, description, location: "Room 4, Block B; 2nd floor", courseTitle: "Physics, 101; intro" })],
      options,
    );
    for (const line of text.split(crlf)) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const event = parse(text).events[0]!;
    expect(event.summary).toBe(`${title} (Physics, 101; intro)`);
    expect(event.location).toBe("Room 4, Block B; 2nd floor");
    expect(event.description.startsWith("Bring pens, paper; a calculator 🧮.\nமுக்கியம்: நேரத்திற்கு வரவும் 🙏\nBring")).toBe(true);
    expect(event.description).toContain("Done\n\nCourse: Physics, 101; intro\n\nhttps://academy.example.org/");
    expect(event.component.getFirstProperty("categories")!.getValues()).toEqual(["Physics, 101; intro"]);
  });

  it("writes no LOCATION for an item without one", () => {
    expect(parse(writeCalendar([item({ id: "due-1", location: "  " })], options)).events[0]!.component.getFirstProperty("location")).toBeNull();
  });
});

describe("writeCalendar: times and zones", () => {
  it("writes a timed course event in its zone, with that zone's VTIMEZONE", () => {
    const text = writeCalendar(
      [
        item({
          id: "event-1",
          kind: "event",
          startsAt: new Date("2026-07-01T08:00:00Z"),
          endsAt: new Date("2026-07-01T09:30:00Z"),
          timeZone: "Europe/London",
        }),
      ],
      options,
    );
    expect(text).toContain("DTSTART;TZID=Europe/London:20260701T090000\r\nDTEND;TZID=Europe/London:20260701T103000\r\n");
    const { event, zones } = parse(text);
    expect([...zones.keys()]).toEqual(["Europe/London"]);
    expect(event("event-1@academy.example.org").startDate.toJSDate().toISOString()).toBe("2026-07-01T08:00:00.000Z");
    expect(event("event-1@academy.example.org").endDate.toJSDate().toISOString()).toBe("2026-07-01T09:30:00.000Z");
  });

  it("has one VTIMEZONE for every zone used, and none for UTC or an unknown zone", () => {
    const text = writeCalendar(
      [
        item({ id: "event-a", kind: "event", timeZone: "Asia/Kolkata", endsAt: new Date("2026-03-20T18:00:00Z") }),
        item({ id: "event-b", kind: "event", timeZone: "America/New_York", recurrence: weekly({ timeZone: "America/New_York", count: 3 }) }),
        item({ id: "event-c", kind: "event", timeZone: "Asia/Kolkata" }),
        item({ id: "event-d", kind: "event", timeZone: "UTC" }),
        item({ id: "event-e", kind: "event", timeZone: "Nowhere/Special" }),
      ],
      options,
    );
    const { zones, event } = parse(text);
    expect([...zones.keys()]).toEqual(["America/New_York", "Asia/Kolkata"]);
    expect(text).toContain("DTSTART;TZID=Asia/Kolkata:20260320T223000");
    expect(event("event-d@academy.example.org").startDate.zone?.tzid).toBe("UTC");
    // An unknown zone is read as UTC rather than left for the app to guess.
    expect(event("event-e@academy.example.org").startDate.toJSDate().toISOString()).toBe("2026-03-20T17:00:00.000Z");
    for (const uid of ["event-a", "event-b", "event-c"]) {
      expect(event(`${uid}@academy.example.org`).startDate.toJSDate().toISOString()).toBe("2026-03-20T17:00:00.000Z");
    }
  });

  it("writes an all-day event as dates, the day after its last day as DTEND", () => {
    const { event, zones } = parse(
      writeCalendar(
        [
          // Stored at UTC midnights: a three-day trip, its end the midnight after it.
          item({ id: "event-trip", kind: "event", allDay: true, startsAt: new Date("2026-04-02T00:00:00Z"), endsAt: new Date("2026-04-05T00:00:00Z"), timeZone: "Asia/Kolkata" }),
          // One day, its end the same moment.
          item({ id: "event-day", kind: "event", allDay: true, startsAt: new Date("2026-04-10T00:00:00Z"), endsAt: new Date("2026-04-10T00:00:00Z") }),
          // An end within the last day counts that day.
          item({ id: "event-two", kind: "event", allDay: true, startsAt: new Date("2026-04-20T00:00:00Z"), endsAt: new Date("2026-04-21T23:59:59Z") }),
        ],
        options,
      ),
    );
    const dates = (uid: string) => {
      const found = event(`${uid}@academy.example.org`);
      expect(found.startDate.isDate).toBe(true);
      expect(found.endDate.isDate).toBe(true);
      return [found.startDate.toString(), found.endDate.toString()];
    };
    expect(dates("event-trip")).toEqual(["2026-04-02", "2026-04-05"]);
    expect(dates("event-day")).toEqual(["2026-04-10", "2026-04-11"]);
    expect(dates("event-two")).toEqual(["2026-04-20", "2026-04-22"]);
    expect(zones.size).toBe(0);
  });
});

describe("writeCalendar: recurring events", () => {
  it("writes FREQ, INTERVAL and COUNT or UNTIL (in UTC) as RRULE", () => {
    const text = writeCalendar(
      [
        item({ id: "event-1", kind: "event", recurrence: weekly({ interval: 2, count: 5 }) }),
        item({ id: "event-2", kind: "event", recurrence: weekly({ frequency: "daily", until: new Date("2026-04-01T16:59:00Z") }) }),
        item({ id: "event-3", kind: "event", recurrence: weekly({ frequency: "monthly" }) }),
      ],
      options,
    );
    expect(text).toContain("RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=5\r\n");
    expect(text).toContain("RRULE:FREQ=DAILY;UNTIL=20260401T165900Z\r\n");
    expect(text).toContain("RRULE:FREQ=MONTHLY\r\n");
  });

  // The same series, expanded by ical.js from the file and by the calendar page (lib/calendar/expand-recurrence.ts).
  it.each([
    [
      "weekly at 09:00 in London across the change to summer time (29 March) and back (25 October)",
      item({ id: "event-w", kind: "event", startsAt: new Date("2026-03-02T09:00:00Z"), endsAt: new Date("2026-03-02T10:00:00Z"), recurrence: weekly({ until: new Date("2026-11-30T23:59:59Z") }) }),
    ],
    [
      "every two days in New York until a date, across its change to summer time",
      item({ id: "event-d", kind: "event", startsAt: new Date("2026-03-01T23:30:00Z"), endsAt: new Date("2026-03-02T00:30:00Z"), recurrence: weekly({ frequency: "daily", interval: 2, until: new Date("2026-04-15T00:00:00Z"), timeZone: "America/New_York" }) }),
    ],
    [
      "monthly on the 31st, which skips the shorter months and counts only real occurrences",
      item({ id: "event-m", kind: "event", startsAt: new Date("2026-01-31T14:00:00Z"), endsAt: new Date("2026-01-31T15:00:00Z"), recurrence: weekly({ frequency: "monthly", count: 6 }) }),
    ],
    [
      "every three weeks in Sydney, across its change back from summer time",
      item({ id: "event-s", kind: "event", startsAt: new Date("2026-02-01T22:00:00Z"), endsAt: new Date("2026-02-01T23:00:00Z"), recurrence: weekly({ interval: 3, count: 10, timeZone: "Australia/Sydney" }) }),
    ],
    [
      "an all-day weekly event, by its dates",
      item({ id: "event-a", kind: "event", allDay: true, startsAt: new Date("2026-03-04T00:00:00Z"), endsAt: new Date("2026-03-05T00:00:00Z"), recurrence: weekly({ count: 12, timeZone: "UTC" }) }),
    ],
    [
      "an all-day monthly event until a date",
      item({ id: "event-u", kind: "event", allDay: true, startsAt: new Date("2026-01-15T00:00:00Z"), endsAt: new Date("2026-01-16T00:00:00Z"), recurrence: weekly({ frequency: "monthly", until: new Date("2026-09-15T12:00:00Z"), timeZone: "UTC" }) }),
    ],
  ])("ical.js expands %s to the calendar page's occurrences", (_name, series) => {
    const event = parse(writeCalendar([series], options)).events[0]!;
    const ours = allOccurrences(spanOf(series), 500).map((occurrence) => occurrence.startsAt.toISOString());
    expect(ours.length).toBeGreaterThan(3);
    expect(icalOccurrences(event)).toEqual(ours);
  });

  it("keeps 09:00 London time after the clocks change, as the page does", () => {
    const series = item({ id: "event-w", kind: "event", startsAt: new Date("2026-03-23T09:00:00Z"), endsAt: new Date("2026-03-23T10:00:00Z"), recurrence: weekly({ count: 3 }) });
    expect(icalOccurrences(parse(writeCalendar([series], options)).events[0]!)).toEqual([
      "2026-03-23T09:00:00.000Z",
      "2026-03-30T08:00:00.000Z",
      "2026-04-06T08:00:00.000Z",
    ]);
  });

  it("matches the page within a range for a series without end", () => {
    const series = item({ id: "event-x", kind: "event", startsAt: new Date("2026-01-05T18:00:00Z"), endsAt: new Date("2026-01-05T19:00:00Z"), recurrence: weekly() });
    const range = { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2027-06-01T00:00:00Z") };
    const ours = occurrencesBetween(spanOf(series), range, 500).map((occurrence) => occurrence.startsAt.toISOString());
    expect(icalOccurrences(parse(writeCalendar([series], options)).events[0]!, 500, range.to)).toEqual(ours);
  });

  it.each([
    ["the count ends it first", new Date("2026-12-31T00:00:00Z"), "COUNT=4"],
    ["the date ends it first", new Date("2026-03-20T00:00:00Z"), "UNTIL=20260320T000000Z"],
  ])("keeps whichever of a date and a count ends the series when both are set: %s", (_name, until, expected) => {
    const series = item({ id: "event-b", kind: "event", startsAt: new Date("2026-03-02T09:00:00Z"), endsAt: new Date("2026-03-02T10:00:00Z"), recurrence: weekly({ until, count: 4 }) });
    const text = writeCalendar([series], options);
    expect(text).toContain(`RRULE:FREQ=WEEKLY;${expected}\r\n`);
    const ours = allOccurrences(spanOf(series)).map((occurrence) => occurrence.startsAt.toISOString());
    expect(icalOccurrences(parse(text).events[0]!)).toEqual(ours);
  });

  it("writes an all-day series' UNTIL as a date", () => {
    const series = item({ id: "event-a", kind: "event", allDay: true, startsAt: new Date("2026-03-04T00:00:00Z"), recurrence: weekly({ until: new Date("2026-04-01T00:00:00Z"), timeZone: "UTC" }) });
    expect(writeCalendar([series], options)).toContain("RRULE:FREQ=WEEKLY;UNTIL=20260401\r\n");
  });
});

describe("markdownToPlainText", () => {
  it("keeps the words and line breaks, links as text and address, without Markdown punctuation", () => {
    const markdown = "# Field trip\r\n\r\nBring **water** and `pens`.\n> Meet at the gate\n\n- [Map](https://example.org/map)\n- [Form](/forms/1)\n![bus](bus.png)";
    expect(markdownToPlainText(markdown)).toBe("Field trip\n\nBring water and pens.\nMeet at the gate\n\n- Map (https://example.org/map)\n- Form\nbus");
  });

  it("cuts a very long description with an ellipsis, never inside a character", () => {
    const cut = markdownToPlainText("🎉".repeat(maxDescriptionLength + 50));
    expect(Array.from(cut)).toHaveLength(maxDescriptionLength);
    expect(cut.endsWith("🎉…")).toBe(true);
  });
});
