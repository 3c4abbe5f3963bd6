// What a person is told when the browser's WebAuthn call fails; the raw
// error names (NotAllowedError…) mean nothing to them.
export function webauthnErrorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "AbortError") return "The passkey request was cancelled or timed out. Try again when you are ready.";
  if (name === "InvalidStateError") return "This device already holds a passkey for your account.";
  if (name === "SecurityError") return "Passkeys do not work on this address. Open the site by its name over https.";
  if (name === "NotSupportedError") return "This browser or device cannot use passkeys.";
  return "Your browser could not use a passkey. Try again, or use another way.";
}
