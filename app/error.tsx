"use client";

import { ErrorReference } from "@/components/errors/error-reference";

// Shown when a page fails unexpectedly; the request id and digest let an
// admin find the server's log line, and no error text from the server reaches the page.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-md py-12 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-ink-muted">Please try again.</p>
      <ErrorReference digest={error.digest} />
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 font-semibold text-white">
        Try again
      </button>
    </div>
  );
}
