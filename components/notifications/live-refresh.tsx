"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { subscribeToNotifications } from "./notification-stream";

/**
 * Re-renders the page's server data, without a reload, when a notification
 * arrives or the unread count moves away from the one the page shows (read in
 * another tab).
 */
export function LiveRefresh({ unread }: { unread: number }) {
  const router = useRouter();
  const shown = useRef(unread);
  useEffect(() => {
    shown.current = unread;
  }, [unread]);
  useEffect(
    () =>
      subscribeToNotifications((update) => {
        if (update.fresh || update.unread !== shown.current) {
          shown.current = update.unread;
          router.refresh();
        }
      }),
    [router],
  );
  return null;
}
