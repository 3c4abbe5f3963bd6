import type { UserRole } from "@/db/schema/enums";
import type { AccountMail } from "@/lib/email/account-mail";
import { roleLabels } from "@/lib/auth/roles";
import { siteName } from "@/lib/site/config";

// The words of the account emails; the link is the only secret in them.

export function invitationMail(account: { username: string; role: UserRole }, path: string): AccountMail {
  const site = siteName();
  return {
    type: "account.invitation",
    title: `Your account at ${site}`,
    message:
      `An administrator created an account for you at ${site} (${roleLabels[account.role].toLowerCase()}, username ${account.username}). ` +
      `Choose your password with the link below, then sign in with this email address. ` +
      `The link works once and expires in 7 days; if it has expired, ask your administrator for a new one.`,
    link: path,
  };
}

export function passwordResetMail(account: { username: string }, path: string): AccountMail {
  const site = siteName();
  return {
    type: "account.password_reset",
    title: `Set a new password for ${site}`,
    message:
      `An administrator sent you this link to set a new password for your account at ${site} (username ${account.username}). ` +
      `The link works once and expires in 24 hours. Until you use it, your current password keeps working; ` +
      `if you did not ask for a new password, you can ignore this email.`,
    link: path,
  };
}

export function mfaResetMail(account: { username: string }): AccountMail {
  const site = siteName();
  return {
    type: "account.mfa_reset",
    title: `Two-step verification was reset at ${site}`,
    message:
      `An administrator turned off two-step verification for your account at ${site} (username ${account.username}): ` +
      `your authenticator app, recovery codes and passkeys no longer work there. Set it up again under Settings, Security. ` +
      `If you did not ask for this, tell your administrator at once.`,
    link: "/settings/security",
  };
}
