import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { db } from "@/db";
import { scopeFromToken } from "@/lib/email/read-token";
import { unsubscribeRecipient } from "@/lib/email/unsubscribe-queries";
import { notificationTypes } from "@/lib/notifications/types";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

const card = "mx-auto flex max-w-lg flex-col gap-4 rounded-card border border-slate-200 bg-white p-6 shadow-sm";
const SettingsLink = () => (
  <Link href="/settings/notifications" className="font-medium text-brand-700 underline">
    notification settings
  </Link>
);

/**
 * The unsubscribe link in every email. Opening it changes nothing (mail
 * scanners follow links); the button posts to the one-click endpoint, which
 * sends the reader back here with `done=1`.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string; done?: string }> }) {
  const { token, done } = await searchParams;
  const scope = scopeFromToken(token);
  const recipient = scope ? await unsubscribeRecipient(db, scope.userId) : null;

  if (!scope || !recipient) {
    return (
      <div className={card}>
        <h1 className="text-2xl font-bold">This unsubscribe link is not valid</h1>
        <p>It may have been copied only in part. Nothing was changed.</p>
        <p>
          You can still sign in and choose what you receive in your <SettingsLink />.
        </p>
      </div>
    );
  }

  const what = scope.type === "all" ? "all email" : `email about ${notificationTypes.find((t) => t.type === scope.type)!.label.toLowerCase()}`;

  if (done === "1") {
    return (
      <div className={card}>
        <h1 className="text-2xl font-bold">You are unsubscribed</h1>
        <p role="status">
          {recipient.email} will no longer receive {what}. Notifications on the site are unchanged.
        </p>
        <p>
          Changed your mind? Choose again in your <SettingsLink />.
        </p>
      </div>
    );
  }

  return (
    <div className={card}>
      <h1 className="text-2xl font-bold">Unsubscribe from email</h1>
      <p>
        This turns off {what} for <strong>{recipient.email}</strong>. Notifications on the site are unchanged.
      </p>
      <form method="post" action={`/api/unsubscribe?token=${encodeURIComponent(token ?? "")}`}>
        <input type="hidden" name="source" value="page" />
        <Button type="submit">Turn off {what}</Button>
      </form>
      <p className="text-sm">
        Or choose type by type in your <SettingsLink />.
      </p>
    </div>
  );
}
