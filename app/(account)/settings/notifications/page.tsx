import type { Metadata } from "next";
import { NotificationPreferencesForm } from "@/components/settings/notification-preferences-form";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { digestHour } from "@/lib/email/config";
import { loadNotificationPreferences } from "@/lib/email/preferences-queries";

export const metadata: Metadata = { title: "Notification settings" };

// Every signed-in role chooses how it hears of each kind of notification.
export default async function NotificationSettingsPage() {
  const user = await requireUser("/settings/notifications");
  const initial = await loadNotificationPreferences(db, user);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">Notification settings</h1>
        <p className="text-ink-muted">Choose, for each kind of notification, whether it appears on the site, arrives by email, both or neither.</p>
      </header>
      <NotificationPreferencesForm initial={initial} digestHour={digestHour()} />
    </div>
  );
}
