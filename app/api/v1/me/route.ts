import { meContract } from "@/lib/api/contracts/core";
import { mfaStatusOf } from "@/lib/auth/mfa/status";
import { apiRoute } from "@/lib/api/route";

// Whether MFA is on, never which factors or anything about them.
export const GET = apiRoute(meContract, async ({ db, user }) => ({
  id: user.id,
  email: user.email,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  gradeLevel: user.gradeLevel,
  mfaEnabled: (await mfaStatusOf(db, user.id)).enabled,
}));
