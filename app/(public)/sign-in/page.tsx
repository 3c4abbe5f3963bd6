import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { redirectIfSignedIn } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const safe = await redirectIfSignedIn(callbackUrl);

  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Sign in</h1>
      <p className="mb-6 text-ink-muted">Welcome back. Sign in to continue learning.</p>
      <div className="rounded-card border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm callbackUrl={safe} />
      </div>
    </div>
  );
}
