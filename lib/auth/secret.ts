import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/db/config";

const secretFile = () => path.join(dataDir(), "auth-secret");

/**
 * AUTH_SECRET signs session tokens. When it is not configured, a local install
 * generates one on first start and keeps it in the data directory, so that
 * `npm install && npm start` just works and sessions survive restarts.
 */
export function ensureLocalAuthSecret(): string {
  const file = secretFile();
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not generated yet.
  }
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The secret the running server uses: the environment's, else the locally generated one. */
export function resolveAuthSecret(): string {
  const fromEnv = process.env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  try {
    const stored = fs.readFileSync(secretFile(), "utf8").trim();
    if (stored) return stored;
  } catch {
    // Fall through to the error below.
  }
  throw new Error(
    "AUTH_SECRET is not set. Set it (for example `openssl rand -base64 32`) or start with `npm start`, which generates one for a local install.",
  );
}
