import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { siteSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";

export interface SiteSettings {
  /** Teachers and admins must set up two-step verification before they can work. */
  requireStaffMfa: boolean;
}

// Settings an admin changes from the admin pages (the environment configures the rest).
export const defaultSiteSettings: SiteSettings = { requireStaffMfa: false };

export async function getSiteSettings(db: DbOrTx): Promise<SiteSettings> {
  const [row] = await db.select({ requireStaffMfa: siteSettings.requireStaffMfa }).from(siteSettings).where(eq(siteSettings.id, 1));
  return row ?? defaultSiteSettings;
}

/** Changes the staff MFA requirement; audited with the value before and after. Answers whether it changed. */
export async function setRequireStaffMfa(tx: DbOrTx, actor: Actor, requireStaffMfa: boolean, ip?: string): Promise<boolean> {
  const before = await getSiteSettings(tx);
  if (before.requireStaffMfa === requireStaffMfa) return false;
  await tx
    .insert(siteSettings)
    .values({ id: 1, requireStaffMfa, updatedById: actor.id })
    .onConflictDoUpdate({ target: siteSettings.id, set: { requireStaffMfa, updatedById: actor.id } });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "site.require_staff_mfa_changed",
    entityType: "site",
    entityId: "settings",
    before: { requireStaffMfa: before.requireStaffMfa },
    after: { requireStaffMfa },
    ip,
  });
  return true;
}
