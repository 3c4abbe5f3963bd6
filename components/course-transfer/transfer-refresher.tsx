"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const intervalMs = 2000;

/**
 * Reloads the server-rendered page every two seconds while a copy or an
 * import runs; the page stops rendering this once it is done or failed. A tab
 * in the background waits until it is looked at again.
 */
export function TransferRefresher() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    const onVisible = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [router]);
  return null;
}
