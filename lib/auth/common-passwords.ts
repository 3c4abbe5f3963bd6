import { createRequire } from "node:module";

// Mozilla's list of common passwords (the ones long enough to pass our length rule).
const list = createRequire(import.meta.url)("fxa-common-password-list") as { test(password: string): boolean };

export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  return list.test(password) || list.test(lowered);
}
