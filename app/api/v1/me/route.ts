import { meContract } from "@/lib/api/contracts/core";
import { mfaStatusOf } from "@/lib/auth/mfa/status";
import { apiRoute } from "@/lib/api/route";

// Whether MFA is on and how many passkeys there are; nothing about the factors themselves.
export const GET = apiRoute(meContract, async ({ db, user }) => {
  const mfa = await mfaStatusOf(db, user.id);
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    gradeLevel: user.gradeLevel,
    mfaEnabled: mfa.enabled,
    passkeyCount: mfa.passkeyCount,
  };
});
