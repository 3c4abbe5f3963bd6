import { getDatabaseHandle } from "@/db";
import { users } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";
import { hashPassword } from "@/lib/auth/password";

export { countQueries } from "@/db/query-counter";

/** The database of the current test file (PGlite or PostgreSQL). */
export const testDb = () => getDatabaseHandle().db;
export const testDbKind = () => getDatabaseHandle().kind;

// One Argon2 hash per distinct password for the whole file: a hash costs tens of
// milliseconds of CPU by design, and some files create hundreds of users. A salted
// hash shared by test accounts with the same password still verifies for each.
const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => {
  let hashed = hashes.get(password);
  if (!hashed) hashes.set(password, (hashed = hashPassword(password)));
  return hashed;
};

let counter = 0;
/** Creates a user directly, for tests that need one of a given role. */
export async function createUser(
  overrides: Partial<{ email: string; username: string; role: UserRole; password: string; isActive: boolean }> = {},
) {
  counter++;
  const suffix = `${process.pid}_${counter}_${Math.random().toString(36).slice(2, 6)}`;
  const password = overrides.password ?? "a-fine-test-password";
  const [user] = await testDb()
    .insert(users)
    .values({
      email: overrides.email ?? `user_${suffix}@test.example`,
      username: overrides.username ?? `user_${suffix}`,
      role: overrides.role ?? "student",
      isActive: overrides.isActive ?? true,
      passwordHash: await hashOnce(password),
    })
    .returning();
  return { ...user!, password };
}
