import type { FieldErrors } from "@/lib/actions/result";

// Errors answer as RFC 9457 problem details. Each type names a section of the
// API page (/developers/api), where people can read what it means.
export const problemTypes = {
  invalid: { status: 422, title: "Your request has invalid fields" },
  malformed: { status: 400, title: "The request could not be read" },
  unauthenticated: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Not allowed" },
  locked: { status: 403, title: "Not open to you yet" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "The request conflicts with the current state" },
  idempotency_conflict: { status: 409, title: "This Idempotency-Key was already used" },
  unsupported_media_type: { status: 415, title: "The body is not of a type this endpoint takes" },
  too_large: { status: 413, title: "The request body is too large" },
  rate_limited: { status: 429, title: "Too many requests" },
  server_error: { status: 500, title: "Something went wrong on our side" },
} as const;

export type ProblemType = keyof typeof problemTypes;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Field errors, keyed by field name, as the forms show them. */
  errors?: FieldErrors;
  /** A `locked` problem: why the item is not released to the caller yet, and when it opens if only time stands in the way. */
  lockedReasons?: unknown[];
  lockedSummary?: string[];
  opensAt?: string | null;
}

export const problemTypeUri = (type: ProblemType) => `/developers/api#problem-${type.replaceAll("_", "-")}`;

export function problemOf(type: ProblemType, detail: string, extra: { instance?: string; errors?: FieldErrors } = {}): Problem {
  const { status, title } = problemTypes[type];
  const problem: Problem = { type: problemTypeUri(type), title, status, detail };
  if (extra.instance) problem.instance = extra.instance;
  if (extra.errors && Object.keys(extra.errors).length > 0) problem.errors = extra.errors;
  return problem;
}

export function problemResponse(problem: Problem, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

/** Thrown anywhere inside a handler to answer with a problem. */
export class ApiProblem extends Error {
  constructor(
    readonly type: ProblemType,
    detail: string,
    readonly errors?: FieldErrors,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ApiProblem";
  }
}
