import Link from "next/link";
import { currentRequestId } from "@/lib/logging/request-id";

export default async function NotFound() {
  const requestId = await currentRequestId();
  return (
    <div className="mx-auto max-w-md py-12 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-ink-muted">The page you asked for does not exist or is not available to you.</p>
      {requestId ? (
        <p className="mt-2 text-sm text-ink-muted">
          If you think it should be here, quote request id <code className="font-mono">{requestId}</code>.
        </p>
      ) : null}
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white">
        Go to the home page
      </Link>
    </div>
  );
}
