"use client";

import { useId, useState, useTransition } from "react";
import { siteMfaSettingAction } from "@/lib/auth/mfa/actions/site-mfa-setting-action";

/** The site-wide "Require MFA for teachers and admins" switch; the server re-checks and audits it. */
export function StaffMfaSetting({ initial }: { initial: boolean }) {
  const [pending, startTransition] = useTransition();
  const [value, setValue] = useState(initial);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const id = useId();

  const change = (next: boolean) =>
    startTransition(async () => {
      setMessage(null);
      const result = await siteMfaSettingAction({ requireStaffMfa: next });
      if (result.ok) {
        setValue(next);
        setMessage({ text: next ? "Teachers and admins must now use two-step verification." : "Two-step verification is now optional for staff.", error: false });
      } else setMessage({ text: result.error, error: true });
    });

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          checked={value}
          disabled={pending}
          onChange={(event) => change(event.target.checked)}
          className="mt-1 h-4 w-4"
        />
        <label htmlFor={id} className="text-sm">
          <span className="font-medium">Require MFA for teachers and admins</span>
          <span className="block text-ink-muted">
            Staff without two-step verification are sent to set it up at their next page, and can do nothing else until they have.
          </span>
        </label>
      </div>
      {message ? (
        <p role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-danger-700" : "text-success-700"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
