"use client";

import { useSyncExternalStore } from "react";
import { requestIdMetaName } from "./request-id-meta";

const readRequestId = () => document.querySelector(`meta[name="${requestIdMetaName}"]`)?.getAttribute("content") ?? "";
const noSubscription = () => () => {};

/**
 * What a user can quote when something fails: the page's request id (its
 * line in the server log) and, for a server error, the digest Next logs with
 * it. Nothing else from the server reaches the page.
 */
export function ErrorReference({ digest }: { digest?: string }) {
  const requestId = useSyncExternalStore(noSubscription, readRequestId, () => "");
  if (!requestId && !digest) return null;
  return (
    <p className="mt-2 text-sm text-ink-muted">
      If it keeps happening, quote
      {requestId ? (
        <>
          {" "}
          request id <code className="font-mono">{requestId}</code>
        </>
      ) : null}
      {requestId && digest ? " and" : null}
      {digest ? (
        <>
          {" "}
          reference <code className="font-mono">{digest}</code>
        </>
      ) : null}
      .
    </p>
  );
}
