import { z } from "zod";
import type { ApiContract } from "./contract";
import { apiContracts } from "./contracts";
import { lockReasonSchema } from "./contracts/release";
import { problemTypes } from "./problem";
import { maxBodyBytes } from "./limits";

// The OpenAPI 3.1 document, generated from the contracts' zod schemas
// (OpenAPI 3.1 schemas are JSON Schema 2020-12, which zod emits directly).

type JsonSchema = Record<string, unknown>;

function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const problemSchema: JsonSchema = {
  type: "object",
  description: "An RFC 9457 problem: `type` links to its explanation, `detail` says what happened to this request.",
  required: ["type", "title", "status", "detail"],
  properties: {
    type: { type: "string", format: "uri-reference" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    instance: { type: "string", format: "uri-reference" },
    errors: {
      type: "object",
      description: "Field errors, keyed by field name (query parameter or body field).",
      additionalProperties: { type: "array", items: { type: "string" } },
    },
    lockedReasons: {
      type: "array",
      description: "A `locked` problem: the item's unmet release conditions (see `LockReason`).",
      items: { $ref: "#/components/schemas/LockReason" },
    },
    lockedSummary: { type: "array", description: "A `locked` problem: the unmet conditions in words.", items: { type: "string" } },
    opensAt: {
      type: ["string", "null"],
      format: "date-time",
      description: "A `locked` problem: when the item opens, when only time stands in the way; null when unknown.",
    },
  },
};

const statusDescriptions: Record<number, string> = {
  400: "The body is not valid JSON.",
  401: "No valid token or session: send `Authorization: Bearer <token>`.",
  403: "Signed in, but this role may not do this; or (problem type `locked`) the item is not released to the caller yet.",
  404: "Not found, or not yours to see: the two read the same.",
  409: "Refused by a rule of the domain (for example, the course is not open for enrolment), or an Idempotency-Key reused for a different request.",
  413: `The body is larger than ${maxBodyBytes} bytes.`,
  415: "The body is not JSON.",
  422: "Some fields are not valid: `errors` lists them.",
  429: "Too many requests: wait for `Retry-After` seconds.",
  500: "Something went wrong on the server; the detail has a reference for the logs.",
};

const problemResponse = (status: number) => ({
  description: statusDescriptions[status] ?? problemTypes.conflict.title,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function parametersOf(contract: ApiContract) {
  const parameters: JsonSchema[] = [];
  for (const [where, schema] of [
    ["path", contract.params],
    ["query", contract.query],
  ] as const) {
    if (!schema) continue;
    const json = jsonSchemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...propertySchema } = property;
      parameters.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: propertySchema,
      });
    }
  }
  if (contract.idempotent) parameters.push({ $ref: "#/components/parameters/IdempotencyKey" });
  if (contract.method === "GET") parameters.push({ $ref: "#/components/parameters/IfNoneMatch" });
  return parameters;
}

function operationOf(contract: ApiContract) {
  const success = contract.successStatus ?? 200;
  const responses: Record<string, unknown> = {
    [success]: {
      description: success === 201 ? "Created." : success === 202 ? "Accepted: the work runs in the background; read its progress." : "OK.",
      headers: contract.method === "GET" ? { ETag: { $ref: "#/components/headers/ETag" } } : undefined,
      content: contract.download
        ? Object.fromEntries(contract.download.contentTypes.map((type) => [type, { schema: { type: "string", contentMediaType: type } }]))
        : { "application/json": { schema: jsonSchemaOf(contract.response, "output") } },
      ...(contract.download ? { description: contract.download.description } : {}),
    },
  };
  if (contract.method === "GET") responses["304"] = { description: "Not modified: the `If-None-Match` ETag still matches." };
  for (const status of [...contract.errors, 401, 429, 500].sort()) responses[status] = problemResponse(status);
  return {
    operationId: contract.operationId,
    tags: [contract.tag],
    summary: contract.summary,
    description: contract.description,
    security:
      contract.access === "public" ? [{}, { bearerAuth: [] }, { cookieAuth: [] }] : [{ bearerAuth: [] }, { cookieAuth: [] }],
    parameters: parametersOf(contract),
    ...(contract.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchemaOf(contract.body, "input") } } } }
      : {}),
    ...(contract.upload
      ? {
          requestBody: {
            required: true,
            description: contract.upload.description,
            content: Object.fromEntries(contract.upload.contentTypes.map((type) => [type, { schema: { type: "string", contentMediaType: type } }])),
          },
        }
      : {}),
    responses: JSON.parse(JSON.stringify(responses)) as unknown,
  };
}

export function buildOpenApiDocument(contracts: readonly ApiContract[] = apiContracts) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const contract of contracts) {
    (paths[contract.path] ??= {})[contract.method.toLowerCase()] = operationOf(contract);
  }
  const tags = [...new Set(contracts.map((contract) => contract.tag))].map((name) => ({ name }));
  return {
    openapi: "3.1.0" as const,
    info: {
      title: "Jeevi Academy API",
      version: "1.0.0",
      summary: "Courses, enrolments, lessons, quizzes, assignments, notifications and progress.",
      description:
        "Everything a user does in the browser, with the same rules. Authenticate with a personal access token " +
        "(create one under Settings → API tokens) sent as `Authorization: Bearer <token>`, or with the sign-in cookie. " +
        "Lists are paged with a cursor: follow `next` until it is null. Errors are RFC 9457 problem details. " +
        "Creating requests accept an `Idempotency-Key` header. Requests are rate limited per token or signed-in user, and anonymous ones (or with a bad token) per address (429 with `Retry-After`).",
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    servers: [{ url: "/", description: "This server" }],
    tags,
    paths,
    components: {
      schemas: { Problem: problemSchema, LockReason: jsonSchemaOf(lockReasonSchema, "output") },
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A personal access token (jva_…)." },
        cookieAuth: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The browser's sign-in session." },
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "A unique key (such as a UUID) per intended action: a retry with the same key and body is answered from the first request and acts only once. Kept 24 hours.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
        IfNoneMatch: {
          name: "If-None-Match",
          in: "header",
          required: false,
          description: "The ETag of a previous answer: 304 when nothing changed.",
          schema: { type: "string" },
        },
      },
      headers: {
        ETag: { description: "A validator of this answer, for `If-None-Match`.", schema: { type: "string" } },
      },
    },
  };
}
