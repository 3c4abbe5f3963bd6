import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { db } from "@/db";
import { expiredLinkMessage, findUsableAccountToken } from "@/lib/users/account-tokens";

// The token is in the address: keep it out of search engines and of the
// Referer sent to any other site.
export const metadata: Metadata = { title: "Set your password", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const account = await findUsableAccountToken(db, token);

  if (!account) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-2 text-2xl font-bold">This link cannot be used</h1>
        <div className="rounded-card border border-slate-200 bg-white p-6 shadow-sm">
          <p className="mb-3">{expiredLinkMessage}</p>
          <p className="mb-4 text-ink-muted">
            Links to set a password work once and only for a while. Ask your administrator to send you a new one.
          </p>
          <Link href="/sign-in" className="font-medium text-brand-700 underline">
            Go to sign in
          </Link>
        </div>
      </div>
    );
  }

  const name = account.displayName ?? account.username;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">{account.purpose === "invitation" ? `Welcome, ${name}` : "Set a new password"}</h1>
      <p className="mb-6 text-ink-muted">
        {account.purpose === "invitation" ? "Choose a password for your account" : `Choose a new password for the account of ${name}`}. You
        will sign in with <span className="break-all font-medium text-ink">{account.email}</span>.
      </p>
      <div className="rounded-card border border-slate-200 bg-white p-6 shadow-sm">
        <SetPasswordForm token={token} email={account.email} />
      </div>
    </div>
  );
}
