import { z } from "zod";
import { oneLineText } from "@/lib/text/one-line";

// Shared by the passkey forms, their server actions and the sign-in providers.

// The browser's answers travel as JSON text (next-auth passes credentials as
// strings); 16 kB is far above any real authenticator's answer.
export const maxPasskeyResponseLength = 16_384;
export const maxPasskeysPerUser = 20;

const base64url = z.string().max(maxPasskeyResponseLength).regex(/^[A-Za-z0-9_-]*$/);
const transports = z.array(z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"])).max(8);
const common = {
  id: base64url.min(1).max(1024),
  rawId: base64url.min(1).max(1024),
  type: z.literal("public-key"),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
};

export const registrationResponseSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url.min(1),
    attestationObject: base64url.min(1),
    authenticatorData: base64url.optional(),
    publicKey: base64url.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    transports: transports.optional(),
  }),
});

export const authenticationResponseSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url.min(1),
    authenticatorData: base64url.min(1),
    signature: base64url.min(1),
    userHandle: base64url.optional(),
  }),
});

export type RegistrationResponse = z.output<typeof registrationResponseSchema>;
export type AuthenticationResponse = z.output<typeof authenticationResponseSchema>;

/** Parses the browser's answer, sent as JSON text; null when it is not one. */
export function parseResponseJson<S extends z.ZodType>(schema: S, text: unknown): z.output<S> | null {
  if (typeof text !== "string" || text.length > maxPasskeyResponseLength) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const responseText = z.string().min(1, "Your browser sent no passkey.").max(maxPasskeyResponseLength, "That answer is too long.");

export const passkeyNameSchema = oneLineText()
  .min(1, "Give the passkey a name, such as the device it is on.")
  .max(100, "Keep the name under 100 characters.");

export const finishPasskeyRegistrationSchema = z.object({ name: passkeyNameSchema, response: responseText });
export const renamePasskeySchema = z.object({ passkeyId: z.uuid(), name: passkeyNameSchema });
export const removePasskeySchema = z.object({
  passkeyId: z.uuid(),
  proof: z.string().min(1, "Enter a code from your authenticator app, or your password.").max(128, "That is too long."),
});
export const passkeySignInSchema = z.object({ response: responseText, callbackUrl: z.string().max(2000).optional() });
export const passkeySecondStepOptionsSchema = z.object({ challenge: z.string().min(1).max(100) });

export type PasskeyNameInput = z.input<typeof passkeyNameSchema>;
export type RenamePasskeyInput = z.input<typeof renamePasskeySchema>;
export type RemovePasskeyInput = z.input<typeof removePasskeySchema>;
