import { hash, verify } from "@node-rs/argon2";

// algorithm 2 is Argon2id (the package exports it as a const enum, which
// isolated modules cannot read).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  // Not a hash (an invited account's marker): no password matches, and the
  // answer takes as long as a real check, so it does not reveal such accounts.
  if (!passwordHash.startsWith("$")) return verifyAgainstDummy(password);
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so that a miss costs the same time
// as a wrong password and the response does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("jeevi-timing-equaliser-not-a-password");
  await verifyPassword(await dummyHash, password);
  return false;
}
