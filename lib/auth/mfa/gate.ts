import "server-only";
import { cache } from "react";
import { db } from "@/db";
import type { CurrentUser } from "../session-user";
import { mustEnrolMfa } from "./requirement";

/**
 * Whether the signed-in user is held at MFA set-up (staff, while the site
 * requires it); read once per request. Pages check it in requireUser, actions
 * in the action wrapper, route handlers through getCurrentUserPastMfaGate.
 */
export const mustEnrolMfaNow = cache(async (user: CurrentUser): Promise<boolean> => mustEnrolMfa(db, user));
