// Calls the /api/v1 route handlers in-process, exactly as Next.js would: the
// route file is found from the URL, and gets a Request and its path params.
// Not a test file.

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<string, Handler>>;

const routeModules = import.meta.glob<RouteModule>("/app/api/v1/**/route.ts");
export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

interface RouteFile {
  /** "/api/v1/courses/{courseId}" */
  template: string;
  pattern: RegExp;
  names: string[];
  load: () => Promise<RouteModule>;
}

const routeFiles: RouteFile[] = Object.entries(routeModules).map(([file, load]) => {
  const template = file.replace(/^\/app/, "").replace(/\/route\.ts$/, "").replace(/\[([^\]]+)\]/g, "{$1}");
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const pattern = new RegExp(`^${template.replace(/\./g, "\\.").replace(/\{[^}]+\}/g, "([^/]+)")}$`);
  return { template, pattern, names, load };
})
  // As in Next.js, a static segment wins over a dynamic one: /sections/split before /sections/{sectionId}.
  .sort((a, b) => a.names.length - b.names.length);

/** Every "METHOD /api/v1/…" that a route file exports, read from the files themselves. */
export async function routedEndpoints(): Promise<string[]> {
  const endpoints: string[] = [];
  for (const route of routeFiles) {
    const loaded = await route.load();
    for (const method of httpMethods) if (typeof loaded[method] === "function") endpoints.push(`${method} ${route.template}`);
  }
  return endpoints.sort();
}

export interface ApiCall {
  method?: (typeof httpMethods)[number];
  /** The path and query, e.g. "/api/v1/courses?q=force". */
  path: string;
  token?: string | null;
  body?: unknown;
  /** Sent as is (not JSON-encoded) when a test needs a malformed body. */
  rawBody?: string;
  headers?: Record<string, string>;
}

// Answers are JSON of many shapes; tests read them loosely and the contract checks them strictly.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export interface ApiAnswer<T = Loose> {
  status: number;
  headers: Headers;
  body: T;
}

/** The template a path is served by, e.g. "/api/v1/courses/{courseId}" for "/api/v1/courses/3f…". */
export function templateOf(path: string): string | undefined {
  const pathname = path.split("?")[0]!;
  return routeFiles.find((route) => route.pattern.test(pathname))?.template;
}

export async function callApi<T = Loose>(call: ApiCall): Promise<ApiAnswer<T>> {
  const method = call.method ?? "GET";
  const url = new URL(call.path, "http://localhost");
  const route = routeFiles.find((candidate) => candidate.pattern.test(url.pathname));
  if (!route) throw new Error(`No route file serves ${url.pathname}`);
  const values = route.pattern.exec(url.pathname)!.slice(1);
  const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(values[i]!)]));
  const handler = (await route.load())[method];
  if (!handler) throw new Error(`${route.template} exports no ${method}`);

  const headers = new Headers(call.headers);
  if (call.token) headers.set("authorization", `Bearer ${call.token}`);
  let body: string | undefined;
  if (call.rawBody !== undefined) body = call.rawBody;
  else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const response = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
  const text = await response.text();
  let parsed: unknown = text;
  if (text && /json/.test(response.headers.get("content-type") ?? "")) parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: parsed as T };
}
