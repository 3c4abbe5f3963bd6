"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/** Ten recovery codes, shown once; they live only in the caller's state. */
export function RecoveryCodesShown({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // Screen reader and keyboard users land on the codes, which they must save now.
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-labelledby="recovery-codes-heading"
      className="flex flex-col gap-3 rounded-card border border-warning-800/30 bg-warning-50 p-4"
    >
      <h3 id="recovery-codes-heading" className="font-semibold">
        Your recovery codes
      </h3>
      <p className="text-sm font-medium text-warning-800">
        Save these codes somewhere safe (print them, or keep them in a password manager). Each one signs you in once if you lose
        your device. They will not be shown again.
      </p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 font-mono text-base sm:grid-cols-5">
        {codes.map((code) => (
          <li key={code} className="rounded-md bg-white px-2 py-1 text-center">
            {code}
          </li>
        ))}
      </ul>
      <div>
        <Button type="button" variant="secondary" onClick={onDone}>
          I have saved my recovery codes
        </Button>
      </div>
    </div>
  );
}
