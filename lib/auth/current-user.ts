import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db";
import type { UserRole } from "@/db/schema/enums";
import { safeCallbackUrl } from "./callback-url";
import { mustEnrolMfaNow } from "./mfa/gate";
import { mfaSetupPath } from "./mfa/requirement";
import { can, type PolicyAction } from "./policy";
import { dashboardPathFor } from "./roles";
import { sessionIdFromCookies } from "./session-cookie";
import { noteSignedInUser } from "@/lib/logging/request-id";
import { isSessionId, loadSession, type LoadedSession } from "@/lib/sessions/store";
import type { CurrentUser } from "./session-user";

export type { CurrentUser };
export { mustEnrolMfaNow };

/** This browser's session and its user as stored now, or null; read once per request. */
export const getCurrentSession = cache(async (): Promise<LoadedSession | null> => {
  const loaded = await loadSession(db, await cookieSessionId());
  if (loaded) await noteSignedInUser(loaded.user.id);
  return loaded;
});

/**
 * The session id this browser's cookie names, without asking the database:
 * for actions, whose transaction must not wait on a second database query
 * (the embedded database has one connection). The wrapper has already
 * checked the session when the action is for signed-in users.
 */
export const cookieSessionId = cache(async (): Promise<string | null> => {
  const sessionId = await sessionIdFromCookies();
  return isSessionId(sessionId) ? sessionId : null;
});

/** The signed-in user as stored in the database now; read once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => (await getCurrentSession())?.user ?? null);

/**
 * For the security settings page only: a signed-in user, even one that still
 * has to set up MFA (that page is where it does so).
 */
export async function requireSignedIn(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}

/**
 * For pages: a guest is sent to sign in and brought back afterwards; a staff
 * member the site requires MFA of is sent to set it up first.
 */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await requireSignedIn(returnTo);
  if (await mustEnrolMfaNow(user)) redirect(`${mfaSetupPath}?required=1`);
  return user;
}

/** For pages: a signed-in user without the role sees not-found, and no data. */
export async function requireRole(roles: UserRole | UserRole[], returnTo?: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!(Array.isArray(roles) ? roles : [roles]).includes(user.role)) notFound();
  return user;
}

/** For pages: the route group's area check from the policy table. */
export async function requireArea(
  area: Extract<PolicyAction, "area.student" | "area.teacher" | "area.admin">,
  returnTo?: string,
): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!can(user, area)) notFound();
  return user;
}

/**
 * For the sign-in and registration pages: a signed-in visitor goes on to where
 * it was headed, or its dashboard. Returns the safe callback URL otherwise.
 */
export async function redirectIfSignedIn(callbackUrl: string | undefined): Promise<string | undefined> {
  const safe = safeCallbackUrl(callbackUrl, "") || undefined;
  const user = await getCurrentUser();
  if (user) redirect(safe ?? dashboardPathFor(user.role));
  return safe;
}
