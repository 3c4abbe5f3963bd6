import { NextResponse, type NextRequest } from "next/server";

// Convenience only: guests opening a signed-in area are sent to sign in and
// brought back. The access check itself happens on the server in every page,
// action and API route, from the user as stored in the database.
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = sessionCookies.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/dashboard/:path*", "/progress/:path*", "/teacher/:path*", "/admin/:path*"],
};
