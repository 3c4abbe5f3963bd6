"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions/mark-read-action";

function useMarkRead() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (work: () => Promise<{ ok: boolean; error?: string }>) =>
    startTransition(async () => {
      const result = await work();
      setError(result.ok ? null : (result.error ?? "Something went wrong."));
      if (result.ok) router.refresh();
    });
  return { pending, error, run };
}

/** "Mark all as read" for the whole list. */
export function MarkAllReadButton() {
  const { pending, error, run } = useMarkRead();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => markAllNotificationsReadAction({}))}>
        {pending ? "Marking…" : "Mark all as read"}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Marks one notification as read without opening it. */
export function MarkReadButton({ id, title }: { id: number; title: string }) {
  const { pending, error, run } = useMarkRead();
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={pending}
        onClick={() => run(() => markNotificationReadAction({ id }))}
        aria-label={`Mark as read: ${title}`}
        className="rounded-md px-2 py-1 text-sm font-medium text-brand-800 underline hover:bg-slate-100 disabled:cursor-not-allowed"
      >
        Mark as read
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
