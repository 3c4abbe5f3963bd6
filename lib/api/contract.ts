import { z } from "zod";

// An endpoint's contract: its method, path, inputs and answer as zod schemas.
// The route handler parses with these schemas, and the OpenAPI document is
// generated from them, so the document cannot drift from the code.

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Who may call at all; what they may see or do is decided by the policy module. */
export type EndpointAccess = "public" | "user";

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface ApiContract<
  A extends EndpointAccess = EndpointAccess,
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** OpenAPI style: "/api/v1/courses/{courseId}". */
  path: `/api/v1${string}`;
  operationId: string;
  tag: string;
  summary: string;
  /** Markdown: who may call it and what it does. */
  description: string;
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** 200 unless the endpoint creates something (201) or queues work that runs in the background (202). */
  successStatus?: 200 | 201 | 202;
  /** Accepts an Idempotency-Key header: a retry with the same key is answered from the first. */
  idempotent?: boolean;
  /**
   * The body is a file sent as it is (not JSON): its accepted types and the most bytes read. A `stream`
   * upload (a course package of gigabytes) is not read by the route: the handler reads `request.body` as it
   * arrives, enforces its own limit, and runs on the database outside a transaction, committing as it goes.
   */
  upload?:
    | { contentTypes: readonly string[]; maxBytes: number; description: string; stream?: false }
    | { contentTypes: readonly string[]; description: string; stream: true };
  /** The answer is a file to download, of these types, instead of JSON. */
  download?: { contentTypes: readonly string[]; description: string };
  /** The error statuses it can answer with, besides 401, 429 and 500 which every endpoint can. */
  errors: readonly (400 | 403 | 404 | 409 | 413 | 415 | 422)[];
}

export const defineContract = <
  A extends EndpointAccess,
  R extends z.ZodType,
  P extends AnyObject = z.ZodObject<Record<never, never>>,
  Q extends AnyObject = z.ZodObject<Record<never, never>>,
  B extends z.ZodType = z.ZodUndefined,
>(
  contract: ApiContract<A, P, Q, B, R>,
) => contract;

export const contractKey = (contract: Pick<ApiContract, "method" | "path">) => `${contract.method} ${contract.path}`;

/** A timestamp in the answer: ISO 8601 with a time zone. */
export const timestampSchema = z.iso.datetime({ offset: true });
export const isoOrNull = (value: Date | null | undefined) => (value ? value.toISOString() : null);

/** Path ids: anything that is not a UUID names no record, and answers 404. */
export const idParam = (description: string) => z.uuid().describe(description);
