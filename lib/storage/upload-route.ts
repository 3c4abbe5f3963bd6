import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { db, type Database } from "@/db";
import { identifyRequest } from "@/lib/api/authenticate-request";
import { clientIpFrom } from "@/lib/auth/client-ip";
import type { CurrentUser } from "@/lib/auth/session-user";
import { logger } from "@/lib/logging/logger.mjs";
import { crossSiteRefusal, isCrossSiteWrite } from "@/lib/security/same-origin";
import { declaredLength, uploadAnswer } from "./upload-request";

/** What every upload route hands its upload function besides the parsed query. */
export interface UploadedBody {
  body: ReadableStream<Uint8Array> | null;
  /** The request's Content-Length, when it sent a valid one. */
  declaredLength: number | null;
  ip: string | null;
}

/** Told to the sender when its body broke off or ended short of its Content-Length: nothing was kept. */
export const incompleteUploadMessage = "The upload stopped before the whole file arrived. Try again.";

/**
 * The request body, passed through as it is read, noting whether it broke off
 * (the sender cancelled or lost its connection) or ended before its declared
 * length. Either way the read fails, so the upload stores nothing.
 */
function watchedBody(body: ReadableStream<Uint8Array> | null, declared: number | null) {
  const state = { incomplete: false };
  if (!body) return { body, state };
  const reader = body.getReader();
  let received = 0;
  const watched = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await reader.read();
        } catch (error) {
          state.incomplete = true;
          return controller.error(error);
        }
        if (!next.done) {
          received += next.value.byteLength;
          return controller.enqueue(next.value);
        }
        if (declared !== null && received < declared) {
          state.incomplete = true;
          return controller.error(new Error(`the body ended after ${received} of ${declared} bytes`));
        }
        controller.close();
      },
      cancel: (reason) => reader.cancel(reason),
    },
    // Read only as the upload asks, as the body itself would be.
    { highWaterMark: 0 },
  );
  return { body: watched, state };
}

type UploadResult =
  | { ok: true; file: { id: string; originalName: string; sizeBytes: number; mimeType: string } }
  | { ok: false; status: number; error: string };

/**
 * A POST route that takes a file's raw bytes as its body (a route handler, not
 * a server action: actions stop at 1 MB), for whoever the session cookie or an
 * API token names. The cookie may post only from this site's own pages. The
 * query is parsed with `query`; `upload` does the checks and the storing.
 * Answers 201 { id, name, sizeBytes, mimeType }, or { error } with 401, 400 or
 * what `upload` refused with; a body that breaks off or ends short of its
 * Content-Length is 400 and stores nothing; an unexpected error is logged
 * under a reference the answer gives, never shown.
 */
export function uploadRoute<Query>(options: {
  query: z.ZodType<Query>;
  upload: (db: Database, user: CurrentUser, query: Query, body: UploadedBody) => Promise<UploadResult>;
  /** How the server log names this route's unexpected errors. */
  logAs: string;
}): (request: Request) => Promise<Response> {
  return async (request) => {
    const length = declaredLength(request.headers);
    const sent = watchedBody(request.body, length);
    try {
      const identity = await identifyRequest(db, request);
      if (identity.kind === "session" && isCrossSiteWrite(request)) return crossSiteRefusal(new URL(request.url).pathname);
      const user = identity.user;
      if (!user) return uploadAnswer(401, { error: "Sign in to upload files." });
      const query = options.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!query.success) return uploadAnswer(400, { error: query.error.issues[0]!.message });
      const outcome = await options.upload(db, user, query.data, { body: sent.body, declaredLength: length, ip: clientIpFrom(request.headers) });
      if (!outcome.ok) return uploadAnswer(outcome.status, { error: outcome.error });
      const { id, originalName, sizeBytes, mimeType } = outcome.file;
      return uploadAnswer(201, { id, name: originalName, sizeBytes, mimeType });
    } catch (error) {
      unstable_rethrow(error);
      // A cancelled upload is the sender's choice, not a fault of the server's.
      if (sent.state.incomplete) {
        logger().info({ err: error }, `${options.logAs}: the sender stopped before the whole file arrived`);
        return uploadAnswer(400, { error: incompleteUploadMessage });
      }
      const reference = randomUUID().slice(0, 8);
      logger().error({ errorId: reference, err: error }, `${options.logAs}: unexpected error`);
      return uploadAnswer(500, { error: `Upload failed (reference ${reference}).` });
    }
  };
}
