import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users } from "@/db/schema";

/** The address a valid unsubscribe token speaks for, so the page can say whose email it turns off. */
export async function unsubscribeRecipient(db: DbOrTx, userId: string): Promise<{ email: string } | null> {
  const [row] = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.anonymizedAt)));
  return row ?? null;
}
