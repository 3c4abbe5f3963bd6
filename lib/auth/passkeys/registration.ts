import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
} from "@simplewebauthn/server";
import { count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { passkeys } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { siteName } from "@/lib/site/config";
import { ensureRecoveryCodes } from "../mfa/enrolment";
import type { Refused } from "../mfa/enrolment";
import type { CurrentUser } from "../session-user";
import { challengeBytes, challengeInClientData, consumePasskeyChallenge, issuePasskeyChallenge } from "./challenges";
import type { RelyingParty } from "./relying-party";
import { maxPasskeysPerUser, parseResponseJson, registrationResponseSchema } from "./schemas";

type Who = Pick<CurrentUser, "id" | "email" | "username" | "displayName">;

/**
 * Starts registering a passkey: a fresh challenge kept on the server, and the
 * options the browser hands to the authenticator. The credential must be
 * discoverable (so it can sign in without a password later); the user's other
 * passkeys are excluded, so one authenticator is not registered twice.
 */
export async function startPasskeyRegistration(tx: DbOrTx, user: Who, rp: RelyingParty): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await tx
    .select({ credentialId: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, user.id));
  if (existing.length >= maxPasskeysPerUser) fail(`You have ${maxPasskeysPerUser} passkeys, the most an account can have. Remove one first.`);
  const challenge = await issuePasskeyChallenge(tx, "passkey_registration", user.id);
  return generateRegistrationOptions({
    rpName: siteName(),
    rpID: rp.rpID,
    userID: new TextEncoder().encode(user.id),
    userName: user.email,
    userDisplayName: user.displayName || user.username,
    challenge: challengeBytes(challenge),
    attestationType: "none",
    excludeCredentials: existing.map((row) => ({ id: row.credentialId, transports: row.transports as AuthenticatorTransportFuture[] })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    // ES256, EdDSA, RS256: what authenticators in use offer.
    supportedAlgorithmIDs: [-7, -8, -257],
  });
}

const notVerified: Refused = {
  ok: false,
  field: "_form",
  message: "Your passkey could not be checked. Start again; if it keeps failing, try another browser or device.",
};

/**
 * Checks the authenticator's answer against the challenge issued to this user
 * (used up here, right or wrong) and the site's origin, and stores the new
 * passkey. The first factor of an account also brings its recovery codes.
 */
export async function finishPasskeyRegistration(
  tx: DbOrTx,
  user: Who,
  { name, responseJson, rp, ip }: { name: string; responseJson: string; rp: RelyingParty; ip: string },
): Promise<{ ok: true; passkeyId: string; recoveryCodes: string[] | null } | Refused> {
  const response = parseResponseJson(registrationResponseSchema, responseJson);
  const challenge = response && challengeInClientData(response.response.clientDataJSON);
  if (!response || !challenge) fail("Your browser's answer was not understood. Start again.");
  if (!(await consumePasskeyChallenge(tx, { purpose: "passkey_registration", challenge, userId: user.id }))) {
    return { ok: false, field: "_form", message: "This passkey set-up has expired or was already used. Start again." };
  }
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
  } catch {
    return notVerified;
  }
  if (!verification.verified) return notVerified;
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;

  const [taken] = await tx.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.credentialId, credential.id));
  if (taken) return { ok: false, field: "_form", message: "This passkey is already registered." };
  const [{ value: held }] = (await tx.select({ value: count() }).from(passkeys).where(eq(passkeys.userId, user.id))) as [{ value: number }];
  if (held >= maxPasskeysPerUser) return { ok: false, field: "_form", message: "Your account has as many passkeys as it can have." };

  const [row] = await tx
    .insert(passkeys)
    .values({
      userId: user.id,
      name,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: credential.transports ?? [],
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
    })
    .returning({ id: passkeys.id });
  const recoveryCodes = await ensureRecoveryCodes(tx, user.id);
  await recordAudit(tx, {
    actorId: user.id,
    action: "mfa.passkey_added",
    entityType: "user",
    entityId: user.id,
    after: { passkeyId: row!.id, name, deviceType: credentialDeviceType, backedUp: credentialBackedUp },
    ip,
  });
  return { ok: true, passkeyId: row!.id, recoveryCodes };
}
