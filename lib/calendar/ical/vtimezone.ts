// A VTIMEZONE (RFC 5545 section 3.6.5) for an IANA zone, made from the
// runtime's own time-zone data (Intl) over the years a calendar spans. Each
// change of offset found is written as an observance: a run of changes that
// follows one yearly rule ("the last Sunday of March at 01:00") becomes one
// STANDARD or DAYLIGHT with an RRULE, which is all Outlook reads; a change
// that follows no rule gets its own onset (several with RDATEs). A zone
// without changes gets a single STANDARD. Pure.
import { property } from "./content-line";
import { localDateTimeValue, utcDateTimeValue, utcOffsetValue } from "./values";
import type { WallClock } from "../time-zone";
import { offsetSecondsAt, offsetTransitions, type OffsetTransition } from "./zone-offsets";

type Kind = "STANDARD" | "DAYLIGHT";

interface Change extends OffsetTransition {
  kind: Kind;
  /** When it happens, in the local time before it (how VTIMEZONE onsets are written). */
  onset: Required<WallClock>;
  weekday: number;
  /** 1-5: which such weekday of the month it is. */
  nth: number;
  /** The month's last such weekday. */
  last: boolean;
}

const weekdays = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;
const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1));
// However far apart a calendar's items are, the zone data looked at is bounded.
const maxYears = 40;

function clockOfShifted(ms: number): Required<WallClock> {
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

// Summer time is the larger of a year's two offsets (January's and July's, which also holds south of the equator);
// a year whose two agree has standard time only, whatever a change in it does.
function kindOf(zone: string, transition: OffsetTransition): Kind {
  const year = transition.at.getUTCFullYear();
  const january = offsetSecondsAt(zone, new Date(Date.UTC(year, 0, 1)));
  const july = offsetSecondsAt(zone, new Date(Date.UTC(year, 6, 1)));
  return january !== july && transition.toSeconds === Math.max(january, july) ? "DAYLIGHT" : "STANDARD";
}

function changeOf(zone: string, transition: OffsetTransition): Change {
  const onsetMs = transition.at.getTime() + transition.fromSeconds * 1000;
  const onset = clockOfShifted(onsetMs);
  const daysInMonth = new Date(Date.UTC(onset.year, onset.month, 0)).getUTCDate();
  return {
    ...transition,
    kind: kindOf(zone, transition),
    onset,
    weekday: new Date(onsetMs).getUTCDay(),
    nth: Math.ceil(onset.day / 7),
    last: onset.day + 7 > daysInMonth,
  };
}

interface Run {
  changes: Change[];
  /** BYDAY's ordinal the whole run agrees on (-1 for the last), or null while it has one change. */
  ordinal: number | null;
}

const sameRule = (a: Change, b: Change) =>
  a.kind === b.kind &&
  a.fromSeconds === b.fromSeconds &&
  a.toSeconds === b.toSeconds &&
  a.onset.month === b.onset.month &&
  a.weekday === b.weekday &&
  a.onset.hour === b.onset.hour &&
  a.onset.minute === b.onset.minute &&
  a.onset.second === b.onset.second &&
  b.onset.year === a.onset.year + 1;

function ordinalsOf(change: Change): number[] {
  return change.last ? [-1, change.nth] : [change.nth];
}

/** Splits one kind's changes, in order, into runs that each follow a single yearly rule. */
function runsOf(changes: Change[]): Run[] {
  const runs: Run[] = [];
  let current: { changes: Change[]; ordinals: number[] } | null = null;
  for (const change of changes) {
    const previous = current?.changes.at(-1);
    const shared = previous && current ? current.ordinals.filter((ordinal) => ordinalsOf(change).includes(ordinal)) : [];
    if (current && previous && sameRule(previous, change) && shared.length > 0) {
      current.changes.push(change);
      current.ordinals = shared;
    } else {
      if (current) runs.push({ changes: current.changes, ordinal: current.changes.length > 1 ? current.ordinals[0]! : null });
      current = { changes: [change], ordinals: ordinalsOf(change) };
    }
  }
  if (current) runs.push({ changes: current.changes, ordinal: current.changes.length > 1 ? current.ordinals[0]! : null });
  return runs;
}

function observance(kind: Kind, first: Change | { onset: WallClock; fromSeconds: number; toSeconds: number }, extra: string[]): string[] {
  return [
    `BEGIN:${kind}`,
    property("DTSTART", localDateTimeValue(first.onset)),
    property("TZOFFSETFROM", utcOffsetValue(first.fromSeconds)),
    property("TZOFFSETTO", utcOffsetValue(first.toSeconds)),
    ...extra,
    `END:${kind}`,
  ];
}

/**
 * The VTIMEZONE of `zone` (its TZID as given) covering `from` to `to`: the
 * changes of offset from the year before `from` to the end of `to`'s year.
 */
export function vtimezoneLines(zone: string, span: { from: Date; to: Date }): string[] {
  const lastYear = span.to.getUTCFullYear();
  const firstYear = Math.max(span.from.getUTCFullYear() - 1, lastYear - maxYears);
  const searchFrom = yearStart(firstYear);
  const searchTo = yearStart(lastYear + 1);
  const changes = offsetTransitions(zone, searchFrom, searchTo).map((transition) => changeOf(zone, transition));
  const lines = ["BEGIN:VTIMEZONE", property("TZID", zone)];

  // A zone that keeps one offset has it since 1970 (the usual onset); otherwise times before
  // the first change found keep the offset in force where the data starts.
  if (changes.length === 0) {
    const offset = offsetSecondsAt(zone, searchFrom);
    lines.push(...observance("STANDARD", { onset: clockOfShifted(0), fromSeconds: offset, toSeconds: offset }, []));
  } else if (changes[0]!.at.getTime() > span.from.getTime()) {
    const offset = offsetSecondsAt(zone, searchFrom);
    const base = { at: searchFrom, fromSeconds: offset, toSeconds: offset };
    lines.push(...observance(kindOf(zone, base), { ...base, onset: clockOfShifted(searchFrom.getTime() + offset * 1000) }, []));
  }

  const singles: Change[] = [];
  for (const kind of ["STANDARD", "DAYLIGHT"] as const) {
    const runs = runsOf(changes.filter((change) => change.kind === kind));
    runs.forEach((run, index) => {
      if (run.ordinal === null) {
        singles.push(run.changes[0]!);
        return;
      }
      const first = run.changes[0]!;
      const lastChange = run.changes.at(-1)!;
      // A rule still followed in the last year looked at repeats for ever, as the zone's own rules do;
      // one the zone gave up (summer time abolished) ends with its last change.
      const current = index === runs.length - 1 && lastChange.onset.year >= lastYear;
      const rule = `FREQ=YEARLY;BYMONTH=${first.onset.month};BYDAY=${run.ordinal}${weekdays[first.weekday]}`;
      lines.push(...observance(kind, first, [property("RRULE", current ? rule : `${rule};UNTIL=${utcDateTimeValue(lastChange.at)}`)]));
    });
  }
  // Changes that follow no yearly rule: one observance per kind and offsets, with an RDATE for every onset
  // (the first too, which DTSTART already is: ical.js, like some other readers, takes only the RDATEs then).
  const bySignature = new Map<string, Change[]>();
  for (const change of singles) {
    const signature = `${change.kind} ${change.fromSeconds} ${change.toSeconds}`;
    bySignature.set(signature, [...(bySignature.get(signature) ?? []), change]);
  }
  for (const group of bySignature.values()) {
    group.sort((a, b) => a.at.getTime() - b.at.getTime());
    const rdates = group.length > 1 ? group.map((change) => property("RDATE", localDateTimeValue(change.onset))) : [];
    lines.push(...observance(group[0]!.kind, group[0]!, rdates));
  }
  lines.push("END:VTIMEZONE");
  return lines;
}
