import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ResetMfaButton } from "@/components/admin/reset-mfa-button";
import { db } from "@/db";
import { loadMfaResetTarget } from "@/lib/admin/user-queries";
import { requireArea } from "@/lib/auth/current-user";
import { mfaStatusOf } from "@/lib/auth/mfa/status";
import { roleLabels } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Two-step verification of a user" };

// A user's second factors as an admin sees them (counts, never secrets), and the reset for a lost device.
export default async function UserSecurityPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const user = await requireArea("area.admin", `/admin/users/${userId}/security`);
  const target = await loadMfaResetTarget(db, user, userId);
  if (!target) notFound();
  const status = await mfaStatusOf(db, target.id);

  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href="/admin/users" className="text-sm font-medium text-brand-700 underline">
          ← Users
        </Link>
        <h1 className="text-2xl font-bold">Two-step verification of {target.name}</h1>
        <p className="text-ink-muted">
          {roleLabels[target.role]} · @{target.username} · <span className="break-all">{target.email}</span>
        </p>
      </header>
      <dl className="grid grid-cols-1 gap-2 rounded-card border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-3">
        <div>
          <dt className="font-medium">Authenticator app</dt>
          <dd>{status.totpEnabled ? "On" : "Off"}</dd>
        </div>
        <div>
          <dt className="font-medium">Passkeys</dt>
          <dd>{status.passkeyCount}</dd>
        </div>
        <div>
          <dt className="font-medium">Unused recovery codes</dt>
          <dd>{status.recoveryCodesLeft}</dd>
        </div>
      </dl>
      {target.isSelf ? (
        <p role="status" className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm">
          This is your own account: manage it under{" "}
          <Link href="/settings/security" className="font-medium text-brand-700 underline">
            Settings, Security
          </Link>
          . Another administrator can reset it if you lose your device.
        </p>
      ) : status.enabled || status.recoveryCodesLeft > 0 ? (
        <section aria-labelledby="reset-heading" className="flex flex-col gap-2">
          <h2 id="reset-heading" className="text-lg font-semibold">
            Lost device
          </h2>
          <p className="text-sm">
            Resetting removes the authenticator app, the recovery codes and every passkey of this account, so that its owner can
            sign in with the password alone and set two-step verification up again. Check first that the request really comes from
            them. They are emailed, and the reset is recorded in the audit log.
          </p>
          <ResetMfaButton userId={target.id} name={target.name} />
        </section>
      ) : (
        <p className="text-sm text-ink-muted">This account has no two-step verification set up.</p>
      )}
    </div>
  );
}
