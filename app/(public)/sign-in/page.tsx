import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { redirectIfSignedIn } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; password?: string }> }) {
  const { callbackUrl, password } = await searchParams;
  const safe = await redirectIfSignedIn(callbackUrl);

  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Sign in</h1>
      <p className="mb-6 text-ink-muted">Welcome back. Sign in to continue learning.</p>
      {/* Set by the set-password page's redirect (an invitation or a reset link). */}
      {password === "set" ? (
        <p role="status" className="mb-6 rounded-md border border-success-700/30 bg-success-50 px-4 py-3 text-sm text-success-700">
          Your password is set. Sign in with it.
        </p>
      ) : null}
      <div className="rounded-card border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm callbackUrl={safe} />
      </div>
    </div>
  );
}
