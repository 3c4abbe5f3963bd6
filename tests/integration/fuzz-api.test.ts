// Every route handler (the REST API and the other routes: uploads, files,
// streams, exports, unsubscribe, opening notifications), as a guest, a
// student, a teacher and an admin, fed bad path parameters, bad query
// parameters and bad bodies: malformed JSON, the wrong content type, wrong
// types, unknown fields, 2 MB of JSON. No answer may be a 5xx or throw, no GET
// may change a table, and a refusal (4xx) changes nothing (every table but the
// attempt logs fingerprinted before and after). The routes are found from the
// files, so one added later is fuzzed without a line here.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getCurrentUser } from "@/lib/auth/current-user";
import { buildWorld, type ApiWorld, type Role } from "./api/world";
import { badValues, everyField, realIds, unknownFields, watchTables } from "./fuzz/harness";
import { captureLogs } from "../support/capture-logs";

vi.mock("@/lib/auth/current-user", () => {
  // The session follows the mocked user, as the real one resolves the cookie to both.
  const getCurrentUser = vi.fn(async () => null);
  const getCurrentSession = vi.fn(async () => {
    const user = await getCurrentUser();
    return user ? { sessionId: "8f0c7d1e-4b2a-4c9e-9d3f-2a6b1c0e5f71", user } : null;
  });
  return { getCurrentUser, getCurrentSession, cookieSessionId: vi.fn(async () => null) };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-jeevi-client-ip": "203.0.113.51" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

// next-auth's own catch-all answers sign-in and session requests: its code, not ours, and it needs the Next.js runtime.
const notOurs = (file: string) => file.includes("/api/auth/[...nextauth]/");
const routeFiles = Object.entries(import.meta.glob<Partial<Record<string, Handler>>>("/app/**/route.ts")).filter(([file]) => !notOurs(file));

/** The route files and handlers today: the enumeration must find at least these. */
const knownRouteFiles = 37;
const knownHandlers = 42;

interface Route {
  endpoint: string;
  template: string;
  method: (typeof methods)[number];
  handler: Handler;
}

const routes: Route[] = [];
let world: ApiWorld;

beforeAll(async () => {
  process.env.API_RATE_LIMIT_PER_IP = "100000000";
  process.env.API_RATE_LIMIT_PER_TOKEN = "100000000";
  process.env.AUTH_SECRET ??= "fuzz-api-test-secret-0123456789abcdef";
  for (const [file, load] of routeFiles.sort(([a], [b]) => a.localeCompare(b))) {
    // "/app/(teacher)/teacher/courses/[courseId]/gradebook/export/route.ts" → "/teacher/courses/[courseId]/gradebook/export"
    const template = file.replace(/^\/app/, "").replace(/\/route\.ts$/, "").replace(/\/\([^)]+\)/g, "");
    const loaded = await load();
    for (const method of methods) {
      const handler = loaded[method];
      if (typeof handler === "function") routes.push({ endpoint: `${method} ${template}`, template, method, handler });
    }
  }
  world = await buildWorld();
});

const badParams = ["\u0000", "%00", "x".repeat(5000), "../../etc/passwd", "-1", "1e999"];
const badQuery = new URLSearchParams(
  ["q", "page", "cursor", "limit", "courseId", "taskId", "status", "sort", "dir", "kind", "name", "token", "download", "subject", "from", "to"].flatMap((name) => [
    [name, "\u0000"],
    [name, "x".repeat(3000)],
  ]),
).toString();

function pathFor(route: Route, params: Record<string, string>): { url: string; params: Record<string, string> } {
  const values: Record<string, string> = {};
  const pathname = route.template.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_match, name: string) => {
    values[name] = params[name] ?? "\u0000";
    return encodeURIComponent(values[name]);
  });
  return { url: `http://localhost${pathname}`, params: values };
}

interface Call {
  name: string;
  params: Record<string, string>;
  query: string;
  body?: BodyInit;
  contentType?: string;
}

function callsFor(route: Route, ids: Record<string, string>): Call[] {
  const bad = (value: string) => Object.fromEntries(Object.keys(ids).concat(["attemptId", "enrollmentId", "notificationId", "submissionId", "fileId", "id", "file"]).map((name) => [name, value]));
  const calls: Call[] = [
    ...badParams.map((value): Call => ({ name: `path ${JSON.stringify(value.slice(0, 20))}, bad query`, params: bad(value), query: badQuery })),
    { name: "real ids, bad query", params: ids, query: badQuery },
  ];
  if (route.method === "GET") return calls;
  const json = (value: unknown) => JSON.stringify(value);
  return [
    ...calls,
    { name: "malformed JSON", params: ids, query: "", body: "{\"title\": \"\u0000", contentType: "application/json" },
    { name: "the wrong content type", params: ids, query: "", body: "title=x", contentType: "application/x-www-form-urlencoded" },
    { name: "JSON null", params: ids, query: "", body: "null", contentType: "application/json" },
    { name: "a JSON array", params: ids, query: "", body: "[1,2,3]", contentType: "application/json" },
    { name: "unknown fields", params: ids, query: "", body: json({ ...unknownFields(), ...ids }), contentType: "application/json" },
    { name: "2 MB of JSON", params: ids, query: "", body: json({ text: "x".repeat(2 * 1024 * 1024) }), contentType: "application/json" },
    { name: "binary junk", params: ids, query: badQuery, body: new Uint8Array(4096).fill(0), contentType: "application/octet-stream" },
    ...badValues.map(([name, value]): Call => ({ name: `every field: ${name}`, params: ids, query: "", body: json(everyField(value, ids)), contentType: "application/json" })),
  ];
}

async function send(route: Route, call: Call, token: string | null): Promise<{ status: number; text: string }> {
  const { url, params } = pathFor(route, call.params);
  const headers = new Headers({ host: "localhost" });
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (call.contentType) headers.set("content-type", call.contentType);
  const abort = new AbortController();
  const request = new Request(call.query ? `${url}?${call.query}` : url, {
    method: route.method,
    headers,
    body: call.body,
    signal: abort.signal,
    duplex: "half",
  } as RequestInit);
  const response = await route.handler(request, { params: Promise.resolve(params) });
  // A live stream never ends on its own: read no further than its headers.
  const streaming = (response.headers.get("content-type") ?? "").startsWith("text/event-stream");
  const text = streaming ? "" : await response.text();
  if (streaming) await response.body?.cancel();
  abort.abort();
  return { status: response.status, text };
}

describe("the route handlers", () => {
  it("are all found from the files", () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(knownRouteFiles);
    expect(routes.length).toBeGreaterThanOrEqual(knownHandlers);
  });

  it.each(["anonymous", "student", "teacher", "admin"] as Role[])("answer bad input as %s with a 4xx (never a 5xx), changing nothing", async (role) => {
    const user = role === "anonymous" ? null : world.userFor(role);
    vi.mocked(getCurrentUser).mockResolvedValue(user);
    const logs = captureLogs();
    const ids = realIds(world);
    const problems: string[] = [];
    try {
      const changedSinceLastCheck = await watchTables();
      for (const route of routes) {
        for (const call of callsFor(route, ids)) {
          let answer;
          try {
            answer = await send(route, call, world.tokenFor(role));
          } catch (error) {
            problems.push(`${route.endpoint} with ${call.name} threw: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
            continue;
          }
          if (answer.status >= 500) problems.push(`${route.endpoint} with ${call.name}: ${answer.status} ${answer.text.slice(0, 200)}`);
          const changed = await changedSinceLastCheck();
          if (changed.length > 0 && (route.method === "GET" || answer.status >= 400)) {
            problems.push(`${route.endpoint} with ${call.name} answered ${answer.status} but changed ${changed.join(", ")}`);
          }
        }
      }
      expect(logs.at("error"), "no route logged an unexpected error").toEqual([]);
    } finally {
      logs.restore();
    }
    expect(problems).toEqual([]);
  });
});
