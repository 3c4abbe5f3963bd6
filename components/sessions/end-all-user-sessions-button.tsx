"use client";

import { useState, useTransition } from "react";
import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { endAllUserSessionsAction } from "@/lib/sessions/actions/end-all-user-sessions-action";

/** An admin's "End all", after a confirmation: the user is signed out on every device. */
export function EndAllUserSessionsButton({ userId, name }: { userId: string; name: string }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const endAll = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await endAllUserSessionsAction({ userId });
      setMessage(
        result.ok
          ? { text: `${result.data.sessions} session${result.data.sessions === 1 ? "" : "s"} ended.`, error: false }
          : { text: result.error, error: true },
      );
    });
  return (
    <div className="flex flex-col gap-1">
      <ConfirmDelete
        title={`every session of ${name}`}
        question={`Sign ${name} out on every device? Their API tokens keep working.`}
        disabled={pending}
        onConfirm={endAll}
        verb={{ label: "End all", gerund: "ending" }}
      />
      {message ? (
        <p role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-danger-700" : "text-ink-muted"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
