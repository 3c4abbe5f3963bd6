import type { Database } from "@/db";
import { ActionFailure } from "@/lib/actions/result";
import { createUserSchema } from "./account-schemas";
import { createUserWithInvitation, type CreatedUser } from "./create-user";

export type CreateAdminOutcome = { ok: true; admin: CreatedUser } | { ok: false; errors: string[] };

/**
 * `npm run create-admin`: an admin account with an invitation link, for a site
 * started without the demo data (SEED_DEMO=off) or whose admins are all gone.
 * The same checks as /admin/users/new, and the same audit entry, with no actor.
 */
export async function createAdminFromCommandLine(
  db: Database,
  args: { email?: string; username?: string; name?: string },
): Promise<CreateAdminOutcome> {
  const parsed = createUserSchema.safeParse({
    email: args.email ?? "",
    username: args.username ?? "",
    displayName: args.name ?? "",
    role: "admin",
    gradeLevel: null,
  });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => `--${flagOf(issue.path[0])}: ${issue.message}`) };
  }
  try {
    return { ok: true, admin: await db.transaction((tx) => createUserWithInvitation(tx, null, parsed.data)) };
  } catch (error) {
    if (error instanceof ActionFailure) {
      return { ok: false, errors: Object.entries(error.fieldErrors).map(([field, messages]) => `--${flagOf(field)}: ${messages.join(" ")}`) };
    }
    throw error;
  }
}

const flagOf = (field: PropertyKey | undefined) => (field === "displayName" ? "name" : String(field ?? "input"));
