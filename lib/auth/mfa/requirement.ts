import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { UserRole } from "@/db/schema/enums";
import { rowsOf } from "@/lib/db/rows";

/** Staff are teachers and admins: the accounts whose takeover harms others. */
export const isStaffRole = (role: UserRole) => role === "teacher" || role === "admin";

/**
 * Whether this user must set up a second factor before doing anything else:
 * a teacher or admin without one while the site requires it. Students are
 * never held up (for them MFA is a choice), and cost no query.
 */
export async function mustEnrolMfa(db: DbOrTx, user: { id: string; role: UserRole }): Promise<boolean> {
  if (!isStaffRole(user.role)) return false;
  const result = await db.execute<{ required: boolean }>(sql`
    select
      coalesce((select require_staff_mfa from site_settings where id = 1), false)
      and not exists (select 1 from totp_credentials where user_id = ${user.id} and confirmed_at is not null)
      and not exists (select 1 from passkeys where user_id = ${user.id}) as required
  `);
  return Boolean(rowsOf<{ required: boolean }>(result)[0]?.required);
}

/** Where a held-up staff member is sent, and the only pages and actions it may use meanwhile. */
export const mfaSetupPath = "/settings/security";
export const mfaSetupRequiredMessage = "Your site requires two-step verification for staff. Set it up under Settings → Security first.";
