import { generateAuthenticationOptions, type AuthenticatorTransportFuture, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { passkeys } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { mfaExpiredMessage } from "../authenticate";
import type { SecondFactor } from "../mfa/second-step";
import { attachWebauthnChallenge, findSignInChallenge } from "../mfa/sign-in-challenge";
import { checkPasskeyAssertion } from "./assertion";
import { challengeBytes, clearSecondStepWebauthnChallenge, newWebauthnChallenge } from "./challenges";
import type { RelyingParty } from "./relying-party";
import { authenticationResponseSchema, parseResponseJson } from "./schemas";

/**
 * A passkey as the second sign-in step, after a correct password: a WebAuthn
 * challenge is put on the sign-in challenge (replacing any earlier one), and
 * only the user's own passkeys are offered.
 */
export async function startPasskeySecondStep(tx: DbOrTx, { token, rp }: { token: string; rp: RelyingParty }): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const open = await findSignInChallenge(tx, token);
  if (!open) fail(mfaExpiredMessage);
  const own = await tx.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, open.userId));
  if (own.length === 0) fail("This account has no passkey. Use your authenticator app or a recovery code.");
  const challenge = newWebauthnChallenge();
  await attachWebauthnChallenge(tx, open.id, challenge);
  return generateAuthenticationOptions({
    rpID: rp.rpID,
    challenge: challengeBytes(challenge),
    // The password was the first factor; the passkey need only prove possession.
    userVerification: "preferred",
    allowCredentials: own.map((row) => ({ id: row.credentialId, transports: row.transports as AuthenticatorTransportFuture[] })),
  });
}

/** The factor completeSecondStep checks: the answer must be to this sign-in's WebAuthn challenge, from one of its user's passkeys. */
export function passkeySecondFactor({ responseJson, rp, ip }: { responseJson: string; rp: RelyingParty | null; ip: string }): SecondFactor {
  return {
    method: "passkey",
    verify: async (tx, challenge) => {
      const expected = challenge.webauthnChallenge;
      if (!expected) return false;
      // Right or wrong, this WebAuthn challenge has had its one answer.
      await clearSecondStepWebauthnChallenge(tx, challenge.id);
      const response = parseResponseJson(authenticationResponseSchema, responseJson);
      if (!response || !rp) return false;
      const check = await checkPasskeyAssertion(tx, {
        response,
        userId: challenge.userId,
        expectedChallenge: expected,
        rp,
        requireUserVerification: false,
        ip,
      });
      return check.ok;
    },
  };
}
