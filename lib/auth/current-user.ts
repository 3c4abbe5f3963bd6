import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db";
import type { UserRole } from "@/db/schema/enums";
import { safeCallbackUrl } from "./callback-url";
import { mustEnrolMfaNow } from "./mfa/gate";
import { mfaSetupPath } from "./mfa/requirement";
import { auth } from "./next-auth";
import { can, type PolicyAction } from "./policy";
import { dashboardPathFor } from "./roles";
import { loadSessionUser, type CurrentUser } from "./session-user";

export type { CurrentUser };
export { mustEnrolMfaNow };

/** The signed-in user as stored in the database now; read once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return loadSessionUser(db, { userId: session.user.id, sessionVersion: session.sessionVersion });
});

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
