import "server-only";
import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { cache } from "react";
import { db, type DbOrTx } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { resolveTimeZone, timeZoneCookie } from "./time-zone";

/** The zone the user chose in settings, or null to follow the browser's. One statement. */
export async function loadStoredTimeZone(database: DbOrTx, actor: Actor): Promise<string | null> {
  const [row] = await database.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, actor.id));
  return row?.timeZone ?? null;
}

/** Saves the user's own zone ("" for the browser's); nobody sets another's. */
export async function saveTimeZone(tx: DbOrTx, actor: Actor, timeZone: string): Promise<string | null> {
  const stored = timeZone === "" ? null : timeZone;
  await tx.update(users).set({ timeZone: stored, updatedAt: new Date() }).where(eq(users.id, actor.id));
  return stored;
}

/**
 * The zone this request's reader sees dates in: the setting, else the
 * browser's (the cookie components/calendar/browser-time-zone.tsx sets), else
 * UTC. Read once per request.
 */
export const readerTimeZone = cache(async (actor: Actor): Promise<string> => {
  const [stored, jar] = await Promise.all([loadStoredTimeZone(db, actor), cookies()]);
  return resolveTimeZone(stored, jar.get(timeZoneCookie)?.value);
});
