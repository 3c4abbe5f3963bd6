import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { publish } from "@/lib/events/publish";
import { endUserSessions } from "@/lib/sessions/store";

export async function findUserForUpdate(tx: DbOrTx, userId: string) {
  const [user] = await tx
    .select({ id: users.id, role: users.role, isActive: users.isActive, anonymizedAt: users.anonymizedAt })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  return user ?? null;
}

// An anonymised account is kept only so that its learning records keep their
// owner; it never gets a role or a sign-in back.
const anonymisedRefusal = "That account is anonymised: it can no longer be changed.";

/** Changes a user's role; it applies on that user's next request. */
export async function changeUserRole(tx: DbOrTx, actor: Actor, userId: string, role: UserRole) {
  const user = (await findUserForUpdate(tx, userId)) ?? fail("That user does not exist.");
  if (user.anonymizedAt) fail(anonymisedRefusal);
  if (user.role === role) return { changed: false };
  await tx.update(users).set({ role }).where(eq(users.id, userId));
  await recordAudit(tx, {
    actorId: actor.id,
    action: "user.role_changed",
    entityType: "user",
    entityId: userId,
    before: { role: user.role },
    after: { role },
  });
  await publish(tx, { type: "user.role_changed", aggregateId: userId, payload: { userId, from: user.role, to: role } }, actor.id);
  return { changed: true };
}

/**
 * Deactivates or reactivates a user. Deactivation also ends every session the
 * user holds, so reactivation does not bring an old cookie back.
 */
export async function setUserActive(tx: DbOrTx, actor: Actor, userId: string, active: boolean) {
  const user = (await findUserForUpdate(tx, userId)) ?? fail("That user does not exist.");
  if (user.anonymizedAt) fail(anonymisedRefusal);
  if (user.isActive === active) return { changed: false };
  await tx.update(users).set({ isActive: active }).where(eq(users.id, userId));
  if (!active) await endUserSessions(tx, userId);
  await recordAudit(tx, {
    actorId: actor.id,
    action: active ? "user.reactivated" : "user.deactivated",
    entityType: "user",
    entityId: userId,
    before: { isActive: user.isActive },
    after: { isActive: active },
  });
  await publish(
    tx,
    { type: active ? "user.reactivated" : "user.deactivated", aggregateId: userId, payload: { userId } },
    actor.id,
  );
  return { changed: true };
}
