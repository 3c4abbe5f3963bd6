import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EndAllUserSessionsButton } from "@/components/sessions/end-all-user-sessions-button";
import { SessionTable } from "@/components/sessions/session-table";
import { UserSessionButton } from "@/components/sessions/user-session-button";
import { db } from "@/db";
import { loadAnonymiseTarget } from "@/lib/admin/user-queries";
import { requireArea } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { roleLabels } from "@/lib/auth/roles";
import { listSessionsOfUser } from "@/lib/sessions/queries";

export const metadata: Metadata = { title: "A user's sessions" };

// An admin sees where another user is signed in and ends those sessions (a lost device, a shared password).
export default async function UserSessionsPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const admin = await requireArea("area.admin", `/admin/users/${userId}/sessions`);
  const target = await loadAnonymiseTarget(db, admin, userId);
  if (!target) notFound();
  const allowed = can(admin, "user.manageSessions", target);
  const sessions = allowed ? await listSessionsOfUser(db, target.id) : [];

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href="/admin/users" className="text-sm font-medium text-brand-700 underline">
          ← Users
        </Link>
        <h1 className="text-2xl font-bold">Sessions of {target.name}</h1>
        <p className="text-ink-muted">
          {roleLabels[target.role]} · @{target.username} · <span className="break-all">{target.email}</span>
        </p>
      </header>

      {allowed ? (
        <section aria-labelledby="sessions-heading" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="sessions-heading" className="text-lg font-semibold">
              Signed in
            </h2>
            {sessions.length > 0 ? <EndAllUserSessionsButton userId={target.id} name={target.name} /> : null}
          </div>
          <SessionTable
            sessions={sessions}
            label={`Sessions of ${target.name}`}
            action={(session) => <UserSessionButton userId={target.id} sessionId={session.id} device={session.device} />}
          />
        </section>
      ) : (
        <p role="alert" className="rounded-md border border-danger-600/30 bg-danger-50 px-4 py-3 text-sm text-danger-700">
          Your own sessions are under{" "}
          <Link href="/settings/sessions" className="font-medium underline">
            Settings → Sessions
          </Link>
          .
        </p>
      )}
    </div>
  );
}
