import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";

// What the worker and the mark-read actions tell listening web servers, over
// PostgreSQL NOTIFY. The payload stays small (NOTIFY allows under 8000 bytes):
// either the users whose unread count changed, or the events just delivered
// (each server works out which of its connected users they reached), or
// nothing, meaning "anyone may have changed".

export const notificationsChannel = "jeevi_notifications";

export type NotificationSignal = { users: string[] } | { events: number[] } | { all: true };

/** Stays well under PostgreSQL's 8000-byte NOTIFY limit whatever the ids. */
const maxPayloadBytes = 7000;

export function encodeSignal(signal: NotificationSignal): string {
  const text = JSON.stringify(signal);
  return Buffer.byteLength(text) <= maxPayloadBytes ? text : JSON.stringify({ all: true });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a payload; anything unexpected counts as "anyone may have changed", never as an error. */
export function decodeSignal(payload: string): NotificationSignal {
  try {
    const value = JSON.parse(payload) as Record<string, unknown>;
    if (Array.isArray(value.users) && value.users.every((id) => typeof id === "string" && uuidPattern.test(id))) {
      return { users: value.users as string[] };
    }
    if (Array.isArray(value.events) && value.events.every((id) => Number.isSafeInteger(id))) {
      return { events: value.events as number[] };
    }
  } catch {
    // fall through
  }
  return { all: true };
}

/** Sends the signal; inside a transaction it goes out on commit and not at all on rollback. */
export async function signalNotifications(db: DbOrTx, signal: NotificationSignal): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${notificationsChannel}, ${encodeSignal(signal)})`);
}
