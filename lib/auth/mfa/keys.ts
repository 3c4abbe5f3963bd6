import "server-only";
import { resolveAuthSecret } from "../secret";
import { decryptSecret, encryptSecret } from "./secret-box";

// The server's AUTH_SECRET seals TOTP secrets; rotating it means users enrol again.
export const sealTotpSecret = (plain: string) => encryptSecret(plain, resolveAuthSecret());
export const openTotpSecret = (sealed: string) => decryptSecret(sealed, resolveAuthSecret());
