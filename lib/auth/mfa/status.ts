import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/lib/db/rows";

export interface MfaStatus {
  /** An authenticator app is confirmed and asked for at sign-in. */
  totpEnabled: boolean;
  passkeyCount: number;
  recoveryCodesLeft: number;
  /** Sign-in asks for a second factor. */
  enabled: boolean;
}

/** A user's second factors, in one query. */
export async function mfaStatusOf(db: DbOrTx, userId: string): Promise<MfaStatus> {
  const result = await db.execute<{ totp: boolean; passkeys: number; codes: number }>(sql`
    select
      exists (select 1 from totp_credentials where user_id = ${userId} and confirmed_at is not null) as totp,
      (select count(*)::int from passkeys where user_id = ${userId}) as passkeys,
      (select count(*)::int from mfa_recovery_codes where user_id = ${userId} and used_at is null) as codes
  `);
  const row = rowsOf<{ totp: boolean; passkeys: number; codes: number }>(result)[0]!;
  const passkeyCount = Number(row.passkeys);
  return {
    totpEnabled: Boolean(row.totp),
    passkeyCount,
    recoveryCodesLeft: Number(row.codes),
    enabled: Boolean(row.totp) || passkeyCount > 0,
  };
}
