import type { Metadata } from "next";
import { headers } from "next/headers";
import { AddPasskeyForm } from "@/components/settings/security/add-passkey-form";
import { PasskeyItem } from "@/components/settings/security/passkey-item";
import { OwnerProofForm } from "@/components/settings/security/owner-proof-form";
import { TotpSetup } from "@/components/settings/security/totp-setup";
import { db } from "@/db";
import { mustEnrolMfaNow, requireSignedIn } from "@/lib/auth/current-user";
import { disableTotpAction } from "@/lib/auth/mfa/actions/disable-totp-action";
import { regenerateRecoveryCodesAction } from "@/lib/auth/mfa/actions/regenerate-recovery-codes-action";
import { mfaStatusOf } from "@/lib/auth/mfa/status";
import { listOwnPasskeys } from "@/lib/auth/passkeys/queries";
import { relyingPartyFor } from "@/lib/auth/passkeys/relying-party";

export const metadata: Metadata = { title: "Security" };

// Two-step verification for every role: optional for students, and required of
// staff when the site says so (then this is the one page they can open until it is on).
export default async function SecurityPage() {
  const user = await requireSignedIn("/settings/security");
  const [status, required, ownPasskeys, requestHeaders] = await Promise.all([
    mfaStatusOf(db, user.id),
    mustEnrolMfaNow(user),
    listOwnPasskeys(db, user.id),
    headers(),
  ]);
  const passkeysHere = relyingPartyFor(requestHeaders);

  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Security</h1>
        <p className="text-ink-muted">
          Two-step verification asks for something you have (your phone&apos;s authenticator app or a passkey) as well as your
          password, so a stolen or guessed password alone does not open your account.
        </p>
      </header>

      {required ? (
        <p role="alert" className="rounded-md border border-warning-800/30 bg-warning-50 px-4 py-3 text-sm font-medium text-warning-800">
          Your site requires two-step verification for teachers and admins. Set it up below to continue to your other pages.
        </p>
      ) : null}

      <section aria-labelledby="totp-heading" className="flex flex-col gap-3">
        <h2 id="totp-heading" className="text-lg font-semibold">
          Authenticator app
        </h2>
        {status.totpEnabled ? (
          <>
            <p>
              <span className="rounded-full bg-success-50 px-2 py-0.5 text-sm font-medium text-success-700">On</span> Sign-in asks
              for a code from your authenticator app.
            </p>
            <h3 className="font-medium">Turn it off</h3>
            <OwnerProofForm submitLabel="Turn off the authenticator app" pendingLabel="Turning off…" action={disableTotpAction} />
          </>
        ) : (
          <>
            <p className="text-ink-muted">Not set up. An app on your phone gives you a new 6-digit code every 30 seconds.</p>
            <TotpSetup />
          </>
        )}
      </section>

      <section aria-labelledby="passkeys-heading" className="flex flex-col gap-3">
        <h2 id="passkeys-heading" className="text-lg font-semibold">
          Passkeys
        </h2>
        <p className="text-ink-muted">
          A passkey lives on your device (or in your password manager) and is unlocked with your fingerprint, face or screen lock. It
          signs you in without a password (<strong>Sign in with a passkey</strong>), and after your password it can stand in for the
          code from your app.
        </p>
        {ownPasskeys.length > 0 ? (
          <ul aria-label="Your passkeys" className="flex flex-col gap-3">
            {ownPasskeys.map((passkey) => (
              <PasskeyItem key={passkey.id} passkey={passkey} />
            ))}
          </ul>
        ) : (
          <p>No passkeys yet.</p>
        )}
        {passkeysHere.ok ? (
          <AddPasskeyForm />
        ) : (
          <p className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm">
            {passkeysHere.message}
          </p>
        )}
      </section>

      {status.enabled || status.recoveryCodesLeft > 0 ? (
        <section aria-labelledby="recovery-heading" className="flex flex-col gap-3">
          <h2 id="recovery-heading" className="text-lg font-semibold">
            Recovery codes
          </h2>
          <p>
            {status.recoveryCodesLeft} of 10 unused. Each code signs you in once when you cannot use your app or passkey. Making new
            ones stops the old ones working.
          </p>
          <OwnerProofForm submitLabel="Make new recovery codes" pendingLabel="Making codes…" action={regenerateRecoveryCodesAction} />
        </section>
      ) : null}
    </div>
  );
}
