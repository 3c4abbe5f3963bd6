import type { Metadata } from "next";
import { RegisterForm } from "@/components/auth/register-form";
import { redirectIfSignedIn } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const safe = await redirectIfSignedIn(callbackUrl);

  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Create a student account</h1>
      <p className="mb-6 text-ink-muted">Enrol in courses, learn at your pace and follow your progress.</p>
      <div className="rounded-card border border-slate-200 bg-white p-6 shadow-sm">
        <RegisterForm callbackUrl={safe} />
      </div>
    </div>
  );
}
