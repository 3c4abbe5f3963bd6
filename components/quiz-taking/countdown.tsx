"use client";

import { useEffect, useRef, useState } from "react";

/** "9:05", "1:02:03". */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * Time left until the server's deadline. The student's clock may be wrong:
 * the offset between it and the server's "now" (sent with the page) is taken
 * once, and every tick counts from the deadline with that offset applied.
 * Screen readers hear the time only at a few thresholds, not every second.
 */
export function Countdown({
  deadlineMs,
  serverNowMs,
  onNearlyOver,
  onExpire,
}: {
  deadlineMs: number;
  serverNowMs: number;
  onNearlyOver?: () => void;
  onExpire: () => void;
}) {
  const offset = useRef<number | null>(null);
  const [remaining, setRemaining] = useState(deadlineMs - serverNowMs);
  const [announcement, setAnnouncement] = useState("");
  const fired = useRef({ nearly: false, expired: false, announced: new Set<number>() });
  const callbacks = useRef({ onNearlyOver, onExpire });
  useEffect(() => {
    callbacks.current = { onNearlyOver, onExpire };
  });

  useEffect(() => {
    offset.current ??= serverNowMs - Date.now();
    const tick = () => {
      const left = deadlineMs - (Date.now() + offset.current!);
      setRemaining(left);
      for (const threshold of [5 * 60_000, 60_000]) {
        if (left <= threshold && left > threshold - 5000 && !fired.current.announced.has(threshold)) {
          fired.current.announced.add(threshold);
          setAnnouncement(`${threshold / 60_000} minute${threshold === 60_000 ? "" : "s"} left.`);
        }
      }
      if (left <= 3000 && !fired.current.nearly) {
        fired.current.nearly = true;
        callbacks.current.onNearlyOver?.();
      }
      if (left <= 0 && !fired.current.expired) {
        fired.current.expired = true;
        setAnnouncement("Time is up. Your attempt is being submitted.");
        callbacks.current.onExpire();
      }
    };
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [deadlineMs, serverNowMs]);

  const urgent = remaining <= 60_000;
  return (
    <div className={`rounded-md border px-3 py-2 text-sm font-semibold ${urgent ? "border-danger-600/40 bg-danger-50 text-danger-700" : "border-slate-300 bg-white"}`}>
      <span>Time left: </span>
      <span role="timer" aria-label="Time left" className="tabular-nums">
        {formatRemaining(remaining)}
      </span>
      <span className="sr-only" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
