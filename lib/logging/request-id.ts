import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { requestIdHeader } from "@/lib/server/request-id.mjs";
import { noteRequestUser } from "@/lib/server/request-context.mjs";

/** This request's id as the server gave it (scripts/serve.mjs), or null when served another way (next dev). */
export async function currentRequestId(): Promise<string | null> {
  try {
    return (await headers()).get(requestIdHeader);
  } catch (error) {
    // Next's own signals (this page renders per request) go on; outside a request (a script, a job) there is no id.
    unstable_rethrow(error);
    return null;
  }
}

/** Tells the server's log line for this request who was signed in. */
export async function noteSignedInUser(userId: string): Promise<void> {
  const requestId = await currentRequestId();
  if (requestId) noteRequestUser(requestId, userId);
}
