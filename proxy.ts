import { NextResponse, type NextRequest } from "next/server";
import { isOversizedActionPost, isUnmeasuredActionPost, oversizedActionMessage, unmeasuredActionMessage } from "@/lib/security/action-body-limit";
import { createNonce, securityHeaderConfig, securityHeaders } from "@/lib/security/headers";

// Convenience only: guests opening a signed-in area are sent to sign in and
// brought back. The access check itself happens on the server in every page,
// action and API route, from the user as stored in the database.
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];
const signedInAreas = /^\/(?:dashboard|teacher|admin|learn|progress)(?:\/|$)/;

function guestRedirect(request: NextRequest): NextResponse | null {
  if (!signedInAreas.test(request.nextUrl.pathname)) return null;
  if (sessionCookies.some((name) => request.cookies.has(name))) return null;
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

// Every response gets the security headers. The policy also goes on the
// request: Next.js reads the nonce from it and puts it on its own scripts.
export function proxy(request: NextRequest) {
  const headers = securityHeaders(securityHeaderConfig(), createNonce());
  const policy = headers.find(([name]) => name === "Content-Security-Policy")![1];
  // Server actions post to any page: an oversized or unmeasured one gets a sentence, not Next's bare 500.
  const refusal = isOversizedActionPost(request.method, request.headers)
    ? { status: 413, message: oversizedActionMessage }
    : isUnmeasuredActionPost(request.method, request.headers)
      ? { status: 411, message: unmeasuredActionMessage }
      : null;
  let response = refusal
    ? new NextResponse(refusal.message, {
        status: refusal.status,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      })
    : guestRedirect(request);
  if (!response) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}

export const config = {
  // The build's hashed files skip the proxy (next.config.ts gives them the
  // static headers), and so do the raw-body upload routes (files, hand-ins,
  // question imports and course packages): for any request
  // the proxy runs on, Next.js buffers the body in memory so it can be read
  // twice, and hands the route only its first 10 MB (proxyClientMaxBodySize),
  // which cut every larger upload short. Those routes need nothing the proxy
  // does (no page, no nonce, no server action) and get the static headers too.
  // Everything else, pages, API, icons and errors, runs it.
  matcher: ["/((?!_next/static/|_next/image|api/uploads$|api/submissions/uploads$|api/v1/courses/[^/]+/question-imports$|api/course-imports$|api/v1/course-imports$).*)"],
};
