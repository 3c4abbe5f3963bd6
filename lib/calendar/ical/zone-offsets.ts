// When an IANA zone changes its offset from UTC, found from Intl (the
// runtime's own time-zone data) for the VTIMEZONE the iCal writer makes. Pure.
import { zoneOffsetMs } from "../time-zone";

const utcNames = /^(?:etc\/)?(?:utc|uct|gmt|zulu|universal|greenwich)(?:[+-]?0)?$/i;

/** Zones that are UTC by definition: their times are written with a Z and need no VTIMEZONE. */
export const isUtcZone = (zone: string) => utcNames.test(zone);

/** The zone's offset from UTC at an instant, in seconds (+3600 for Europe/London in summer). */
export const offsetSecondsAt = (zone: string, instant: Date) => Math.round(zoneOffsetMs(instant, zone) / 1000);

export interface OffsetTransition {
  /** The first instant of the new offset. */
  at: Date;
  fromSeconds: number;
  toSeconds: number;
}

// Offsets are sampled this far apart: no zone has changed its offset twice within six days.
const sampleMs = 6 * 24 * 60 * 60 * 1000;

/**
 * Every change of the zone's offset in [from, to), found by sampling the
 * offset every few days and bisecting each change down to the second.
 */
export function offsetTransitions(zone: string, from: Date, to: Date): OffsetTransition[] {
  const transitions: OffsetTransition[] = [];
  let previousMs = from.getTime();
  let previousOffset = offsetSecondsAt(zone, from);
  while (previousMs < to.getTime()) {
    const nextMs = Math.min(previousMs + sampleMs, to.getTime());
    const nextOffset = offsetSecondsAt(zone, new Date(nextMs));
    if (nextOffset !== previousOffset) {
      // The old offset holds at lo and the new one at hi: halve the gap until they are a second apart.
      let lo = previousMs;
      let hi = nextMs;
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (mid <= lo) break;
        if (offsetSecondsAt(zone, new Date(mid)) === previousOffset) lo = mid;
        else hi = mid;
      }
      transitions.push({ at: new Date(hi), fromSeconds: previousOffset, toSeconds: nextOffset });
    }
    previousMs = nextMs;
    previousOffset = nextOffset;
  }
  return transitions;
}
