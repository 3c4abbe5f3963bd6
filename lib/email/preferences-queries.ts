import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notificationPreferences, notificationSettings } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { channelOf, defaultPreference, notificationTypesFor } from "@/lib/notifications/types";
import type { NotificationPreferencesInput } from "./preferences-schema";

/** The actor's own choices for every notification type its role receives (the default where none is stored), and the digest setting. */
export async function loadNotificationPreferences(db: DbOrTx, actor: Actor): Promise<NotificationPreferencesInput> {
  const [stored, [settings]] = await Promise.all([
    db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, actor.id)),
    db.select({ emailDigest: notificationSettings.emailDigest }).from(notificationSettings).where(eq(notificationSettings.userId, actor.id)),
  ]);
  return {
    preferences: notificationTypesFor(actor.role).map(({ type }) => ({ type, channel: channelOf(stored.find((row) => row.type === type) ?? defaultPreference) })),
    digest: settings?.emailDigest ?? false,
  };
}
