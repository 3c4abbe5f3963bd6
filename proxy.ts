import { NextResponse, type NextRequest } from "next/server";
import { isOversizedActionPost, oversizedActionMessage } from "@/lib/security/action-body-limit";

// Convenience only: guests opening a signed-in area are sent to sign in and
// brought back. The access check itself happens on the server in every page,
// action and API route, from the user as stored in the database.
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];
const signedInAreas = /^\/(?:dashboard|teacher|admin|learn|progress)(?:\/|$)/;

export function proxy(request: NextRequest) {
  // Server actions post to any page: an oversized one gets a sentence, not Next's bare 500.
  if (isOversizedActionPost(request.method, request.headers)) {
    return new NextResponse(oversizedActionMessage, { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  if (!signedInAreas.test(request.nextUrl.pathname)) return NextResponse.next();
  const hasSession = sessionCookies.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Pages only: static files, images and the API need neither check.
  matcher: ["/((?!_next/static|_next/image|api/|favicon.ico|icon.svg).*)"],
};
