import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { passkeys } from "@/db/schema";

/** The signed-in user's passkeys for the settings page: labels and dates, never keys. */
export async function listOwnPasskeys(db: DbOrTx, userId: string) {
  return db
    .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt, backedUp: passkeys.backedUp })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

export type OwnPasskey = Awaited<ReturnType<typeof listOwnPasskeys>>[number];
