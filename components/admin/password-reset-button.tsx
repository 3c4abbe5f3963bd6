"use client";

import { useState, useTransition } from "react";
import { CopyableLink } from "@/components/ui/copyable-link";
import { sendPasswordResetAction } from "@/lib/users/actions/send-password-reset-action";

interface Props {
  userId: string;
  name: string;
  /** The user never accepted its invitation: the button resends it instead. */
  invited: boolean;
}

/** Sends a user a set-password link and shows the link once, with a copy button. */
export function PasswordResetButton({ userId, name, invited }: Props) {
  const [pending, startTransition] = useTransition();
  const [sent, setSent] = useState<{ link: string; kind: "invitation" | "password_reset" } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = () =>
    startTransition(async () => {
      setError(null);
      const result = await sendPasswordResetAction({ userId });
      if (result.ok) setSent({ link: result.data.link, kind: result.data.kind });
      else {
        setSent(null);
        setError(result.error);
      }
    });

  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={send}
        className="self-start rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:cursor-not-allowed"
      >
        {pending ? "Sending…" : invited ? "Resend invitation" : "Send password reset"}
        <span className="sr-only"> to {name}</span>
      </button>
      {sent ? (
        <div className="text-sm">
          <p className="mb-1">
            {sent.kind === "invitation" ? "Invitation" : "Password reset"} emailed to {name}; older links no longer work. This link is
            shown only now.
          </p>
          <CopyableLink label={`${sent.kind === "invitation" ? "Invitation" : "Password reset"} link for ${name}`} value={sent.link} />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
