import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { z } from "zod";
import { db, type DbOrTx } from "@/db";
import { fieldErrorsOf } from "@/lib/actions/action";
import { ActionFailure, failureKindOf, KeptRefusal } from "@/lib/actions/result";
import { ItemLockedFailure } from "@/lib/pacing/require-released";
import type { CurrentUser } from "@/lib/auth/current-user";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { identifyRequest, type RequestIdentity } from "./authenticate-request";
import { maxBodyBytes } from "./limits";
import type { ApiContract, EndpointAccess } from "./contract";
import { claimIdempotencyKey, idempotencyKeyPattern, requestHashOf, storeIdempotentResponse } from "./idempotency";
import { ApiProblem, problemOf, problemResponse, type Problem, type ProblemType } from "./problem";
import { countRequest, rateLimits, type RateLimitVerdict } from "./rate-limit";
import { logger } from "@/lib/logging/logger.mjs";
import { noteRequestUser } from "@/lib/server/request-context.mjs";
import { requestIdHeader } from "@/lib/server/request-id.mjs";
import { readCappedBytes } from "@/lib/security/read-capped-text";
import { crossSiteMessage, isCrossSiteWrite } from "@/lib/security/same-origin";

// The one road every /api/v1 request takes: identify the caller (token or
// cookie), count it against the rate limits, parse the path, query and body
// with the contract's zod schemas, run the handler (writes in one
// transaction, with the Idempotency-Key claimed inside it), and answer JSON,
// or an RFC 9457 problem. Handlers call the same lib functions and policy as
// the pages and server actions.

type Output<T> = T extends z.ZodType ? z.output<T> : never;

export interface HandlerContext<C extends ApiContract> {
  user: C["access"] extends "user" ? CurrentUser : CurrentUser | null;
  params: Output<C["params"]>;
  query: Output<C["query"]>;
  body: Output<C["body"]>;
  /** A transaction for writing requests; the database for reads. */
  db: DbOrTx;
  request: Request;
  /** The request's URL: list endpoints build their next link from it. */
  url: string;
  /** An upload endpoint's file, as sent (empty for other endpoints, and for a streamed upload, which reads `request.body`). */
  file: Uint8Array;
}

/** A file to download as the answer (an export), instead of JSON. */
export class ApiFile {
  constructor(
    /** A stream for what is too large to hold (a course backup), sent as it is made. */
    readonly data: Uint8Array | string | ReadableStream<Uint8Array>,
    readonly contentType: string,
    readonly fileName: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** An answer with a status other than the contract's success status. */
export class ApiReply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

type HandlerResult<C extends ApiContract> = z.input<C["response"]> | ApiReply | KeptRefusal | ApiFile;

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

interface Answer {
  status: number;
  body: unknown;
  problem?: boolean;
  headers?: Record<string, string>;
}

export function apiRoute<A extends EndpointAccess, C extends ApiContract<A>>(
  contract: C,
  handler: (context: HandlerContext<C>) => Promise<HandlerResult<C>>,
) {
  return async function route(request: Request, context: RouteContext): Promise<Response> {
    const instance = new URL(request.url).pathname;
    let limit: RateLimitVerdict | undefined;
    try {
      const identity = await identifyRequest(db, request);
      const requestId = request.headers.get(requestIdHeader);
      if (requestId && identity.user) noteRequestUser(requestId, identity.user.id);
      limit = await countRequest(db, bucketsOf(identity, request));
      if (limit.limited) {
        throw new ApiProblem("rate_limited", `Too many requests: try again in ${limit.retryAfter} seconds.`, undefined, {
          "Retry-After": String(limit.retryAfter),
        });
      }
      if (identity.kind === "invalid_token") {
        throw new ApiProblem("unauthenticated", "This token is not valid: it may be mistyped, revoked or expired.", undefined, {
          "WWW-Authenticate": 'Bearer error="invalid_token"',
        });
      }
      if (contract.access === "user" && !identity.user) {
        throw new ApiProblem("unauthenticated", "Send a personal access token (Authorization: Bearer …) or sign in.", undefined, {
          "WWW-Authenticate": "Bearer",
        });
      }
      if (identity.kind === "session" && isCrossSiteWrite(request)) {
        // The cookie rides along on requests from other sites; only a token may write from elsewhere.
        throw new ApiProblem("forbidden", crossSiteMessage);
      }
      const input = await parseInput(contract, request, await context.params);
      const handlerContext = {
        user: identity.user,
        ...input,
        request,
        url: request.url,
      } as unknown as Omit<HandlerContext<C>, "db">;
      // A streamed upload commits step by step as the file arrives: no transaction may stay open that long.
      const answer =
        request.method === "GET" || contract.upload?.stream
          ? answerOf(contract, await handler({ ...handlerContext, db }), instance)
          : await write(contract, handler, handlerContext, identity.user, request, instance, input.rawBody);
      return respond(request, answer, limit);
    } catch (error) {
      return respond(request, failureAnswer(error, contract, instance), limit);
    }
  };
}

// A signed-in caller is counted by its token or user only: a class of 150
// behind one school address must not share one address's allowance. The
// address guards everyone else, a bad or expired token included, so guessing
// tokens stays limited per address.
function bucketsOf(identity: RequestIdentity, request: Request) {
  const limits = rateLimits();
  if (identity.kind === "token") return [{ bucket: `token:${identity.tokenId}`, limit: limits.perToken }];
  if (identity.kind === "session") return [{ bucket: `user:${identity.user.id}`, limit: limits.perToken }];
  return [{ bucket: `ip:${clientIpFrom(request.headers)}`, limit: limits.perIp }];
}

async function parseInput(contract: ApiContract, request: Request, rawParams: Record<string, string | string[] | undefined>) {
  // A path that names no record (a malformed id) is simply not found.
  const params = contract.params ? contract.params.safeParse(rawParams) : { success: true as const, data: {} };
  if (!params.success) throw new ApiProblem("not_found", "There is nothing at this address.");

  const url = new URL(request.url);
  const rawQuery: Record<string, string> = {};
  for (const [name, value] of url.searchParams) rawQuery[name] ??= value;
  const query = contract.query ? contract.query.safeParse(rawQuery) : { success: true as const, data: {} };
  if (!query.success) throw new ApiProblem("invalid", "Some query parameters are not valid.", fieldErrorsOf(query.error));

  let body: unknown = undefined;
  let rawBody = "";
  let file: Uint8Array = new Uint8Array(0);
  if (contract.upload && !contract.upload.stream) file = await readUpload(request, contract.upload.maxBytes);
  if (contract.body) {
    const type = request.headers.get("content-type") ?? "";
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
      throw new ApiProblem("unsupported_media_type", "Send the request body as JSON, with Content-Type: application/json.");
    }
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > maxBodyBytes) throw new ApiProblem("too_large", `The body may be at most ${maxBodyBytes} bytes.`);
    rawBody = await request.text();
    if (Buffer.byteLength(rawBody) > maxBodyBytes) throw new ApiProblem("too_large", `The body may be at most ${maxBodyBytes} bytes.`);
    let json: unknown;
    try {
      json = rawBody.trim() === "" ? {} : JSON.parse(rawBody);
    } catch {
      throw new ApiProblem("malformed", "The body is not valid JSON.");
    }
    const parsed = contract.body.safeParse(json);
    if (!parsed.success) throw new ApiProblem("invalid", "Some fields need your attention.", fieldErrorsOf(parsed.error));
    body = parsed.data;
  }
  return { params: params.data, query: query.data, body, rawBody, file };
}

/** An upload's bytes, refused past the contract's limit before more is read, so a huge body never sits in memory. */
async function readUpload(request: Request, maxBytes: number): Promise<Uint8Array> {
  const bytes = await readCappedBytes(request, maxBytes);
  if (bytes === null) throw new ApiProblem("too_large", `The file may be at most ${Math.floor(maxBytes / (1024 * 1024))} MB.`);
  return bytes;
}

async function write<C extends ApiContract>(
  contract: C,
  handler: (context: HandlerContext<C>) => Promise<HandlerResult<C>>,
  context: Omit<HandlerContext<C>, "db">,
  user: CurrentUser | null,
  request: Request,
  instance: string,
  rawBody: string,
): Promise<Answer> {
  const key = request.headers.get("idempotency-key");
  const idempotent = contract.idempotent === true && key !== null && user !== null;
  if (idempotent && !idempotencyKeyPattern.test(key)) {
    throw new ApiProblem("invalid", "The Idempotency-Key header must be 1 to 255 visible ASCII characters.", {
      "Idempotency-Key": ["Use 1 to 255 visible ASCII characters, such as a UUID."],
    });
  }
  return db.transaction(async (tx) => {
    if (idempotent) {
      const claim = await claimIdempotencyKey(tx, {
        userId: user.id,
        key,
        operation: `${request.method} ${instance}`,
        requestHash: requestHashOf(rawBody),
      });
      if (claim.kind === "mismatch") {
        throw new ApiProblem(
          "idempotency_conflict",
          "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
        );
      }
      if (claim.kind === "replay") {
        const replayedProblem = claim.statusCode >= 400;
        return { status: claim.statusCode, body: claim.responseBody, problem: replayedProblem, headers: { "Idempotent-Replayed": "true" } };
      }
    }
    const answer = answerOf(contract, await handler({ ...context, db: tx } as HandlerContext<C>), instance);
    if (idempotent) await storeIdempotentResponse(tx, { userId: user.id, key }, answer.status, answer.body);
    return answer;
  });
}

function answerOf(contract: ApiContract, result: unknown, instance: string): Answer {
  if (result instanceof ApiReply) return { status: result.status, body: result.body };
  if (result instanceof ApiFile) return { status: 200, body: result };
  // A refusal whose writes are kept (a wrong enrolment key counts towards the limit): committed, then answered.
  if (result instanceof KeptRefusal) {
    const type: ProblemType = failureKindOf(result);
    const problem = problemOf(type, result.userMessage, { instance, errors: result.fieldErrors });
    return { status: problem.status, body: problem, problem: true };
  }
  return { status: contract.successStatus ?? 200, body: result };
}

function failureAnswer(error: unknown, contract: ApiContract, instance: string): Answer {
  let problem: Problem;
  let headers: Record<string, string> = {};
  if (error instanceof ApiProblem) {
    problem = problemOf(error.type, error.message, { instance, errors: error.errors });
    headers = error.headers;
  } else if (error instanceof ItemLockedFailure) {
    // Not released to this student yet: 403 with why and when, never the item's content.
    const { lockedReasons, lockedSummary, opensAt } = error.lock.json;
    problem = { ...problemOf("locked", error.userMessage, { instance }), lockedReasons, lockedSummary, opensAt };
  } else if (error instanceof ActionFailure) {
    problem = problemOf(failureKindOf(error), error.userMessage, { instance, errors: error.fieldErrors });
  } else {
    const errorId = randomUUID().slice(0, 8);
    logger().error({ operation: contract.operationId, errorId, err: error }, "api: unexpected error");
    problem = problemOf("server_error", `Something went wrong on our side (reference ${errorId}). Please try again.`, { instance });
  }
  return { status: problem.status, body: problem, problem: true, headers };
}

function respond(request: Request, answer: Answer, limit: RateLimitVerdict | undefined): Response {
  const body = answer.body;
  const status = answer.status;
  const headers: Record<string, string> = {
    "Cache-Control": answer.problem || request.method !== "GET" ? "no-store" : "private, no-cache",
    Vary: "Authorization, Cookie",
    ...answer.headers,
  };
  if (limit && Number.isFinite(limit.limit)) {
    headers["RateLimit-Limit"] = String(limit.limit);
    headers["RateLimit-Remaining"] = String(limit.remaining);
    headers["RateLimit-Reset"] = String(limit.retryAfter);
  }
  if (answer.problem) return problemResponse(body as Problem, headers);
  if (body instanceof ApiFile) {
    // The name is ours (built from the course's slug), but quoted and ASCII-only all the same.
    const safeName = body.fileName.replace(/[^\w.-]/g, "_").slice(0, 120);
    headers["Content-Type"] = body.contentType;
    headers["Content-Disposition"] = `attachment; filename="${safeName}"`;
    headers["Cache-Control"] = "no-store";
    headers["X-Content-Type-Options"] = "nosniff";
    Object.assign(headers, body.headers);
    return new Response(typeof body.data === "string" || body.data instanceof ReadableStream ? body.data : Buffer.from(body.data), { status, headers });
  }
  const json = JSON.stringify(body);
  headers["Content-Type"] = "application/json";
  if (request.method === "GET" && status === 200) {
    // A weak validator of the exact answer: a client that sends it back gets 304 and no body.
    const etag = `W/"${createHash("sha256").update(json).digest("base64url").slice(0, 32)}"`;
    headers.ETag = etag;
    if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  }
  return new Response(json, { status, headers });
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}
