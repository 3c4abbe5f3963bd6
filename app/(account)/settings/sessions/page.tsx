import type { Metadata } from "next";
import { OwnSessionButton } from "@/components/sessions/own-session-button";
import { SessionTable } from "@/components/sessions/session-table";
import { SignOutEverywhereForm } from "@/components/sessions/sign-out-everywhere-form";
import { db } from "@/db";
import { getCurrentSession, requireUser } from "@/lib/auth/current-user";
import { listOwnSessions } from "@/lib/sessions/queries";

export const metadata: Metadata = { title: "Sessions" };

// Where a person sees every browser signed in as them, and ends the ones it does not recognise.
export default async function SessionsPage() {
  const user = await requireUser("/settings/sessions");
  const sessions = await listOwnSessions(db, user, (await getCurrentSession())?.sessionId ?? null);
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Sessions</h1>
        <p className="text-ink-muted">
          Every browser and device signed in to your account. If you do not recognise one, end it and change your password.
        </p>
      </header>

      <section aria-labelledby="sessions-heading" className="flex flex-col gap-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Signed in
        </h2>
        <SessionTable
          sessions={sessions}
          label="Your sessions"
          action={(session) => <OwnSessionButton sessionId={session.id} device={session.device} current={session.current} />}
        />
      </section>

      <section aria-labelledby="everywhere-heading" className="flex flex-col gap-3">
        <h2 id="everywhere-heading" className="text-lg font-semibold">
          Sign out on all devices
        </h2>
        <SignOutEverywhereForm />
      </section>
    </div>
  );
}
