"use client";

import { ErrorReference } from "@/components/errors/error-reference";
import "./globals.css";

// Shown instead of the whole site when the root layout itself fails: it
// brings its own <html> and <body>. Like app/error.tsx, it shows only what a
// user can quote to an admin.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <main className="mx-auto max-w-md px-4 py-12 text-center">
          <h1 className="text-2xl font-bold">Something went wrong</h1>
          <p className="mt-2 text-ink-muted">Please try again.</p>
          <ErrorReference digest={error.digest} />
          <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 font-semibold text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
