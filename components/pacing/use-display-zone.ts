"use client";

import { useSyncExternalStore } from "react";
import { browserTimeZone } from "@/lib/pacing/wall-time";

const subscribe = () => () => {};

/**
 * The zone dates are written and shown in: the teacher's own (settings), or
 * the browser's. The server cannot know the browser's, so without a setting
 * the first render says UTC and hydration switches to the browser's zone.
 */
export function useDisplayZone(ownZone: string | null): string {
  return useSyncExternalStore(
    subscribe,
    () => ownZone ?? browserTimeZone(),
    () => ownZone ?? "UTC",
  );
}
