import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/sessions/change-password-form";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Password" };

export default async function PasswordPage() {
  const user = await requireUser("/settings/password");
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Password</h1>
        <p className="text-ink-muted">
          Changing your password signs you out everywhere else: every other browser and device has to sign in with the new one.
        </p>
      </header>
      <ChangePasswordForm email={user.email} />
    </div>
  );
}
