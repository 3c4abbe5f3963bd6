import "server-only";
import { getCurrentUser, type CurrentUser } from "../current-user";
import { mustEnrolMfaNow } from "./gate";

/**
 * For route handlers (exports, downloads, the API by cookie): the signed-in
 * user, or null while it is held at MFA set-up.
 */
export async function getCurrentUserPastMfaGate(): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return user && !(await mustEnrolMfaNow(user)) ? user : null;
}
