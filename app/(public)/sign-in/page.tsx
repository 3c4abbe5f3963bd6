import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { dashboardPathFor } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const safe = safeCallbackUrl(callbackUrl, "") || undefined;
  const user = await getCurrentUser();
  if (user) redirect(safe ?? dashboardPathFor(user.role));

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
