"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { users } from "@/db/schema";
import { userAction } from "@/lib/actions/action";
import { fail } from "@/lib/actions/result";
import { can } from "@/lib/auth/policy";
import { anonymizeUser } from "../anonymize-user";
import { anonymizeUserSchema } from "../schemas";

// An admin erases a user's identity on request, after typing its username.
export const anonymizeUserAction = userAction({
  name: "anonymizeUser",
  schema: anonymizeUserSchema,
  authorize: async (user, input, tx) => {
    const [target] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, input.userId));
    return target !== undefined && can(user, "user.anonymize", target);
  },
  run: async (input, { user, tx }) => {
    const [target] = await tx.select({ username: users.username }).from(users).where(eq(users.id, input.userId)).for("update");
    // Usernames are unique whatever their case, so the case of the typed one does not matter.
    if (target?.username.toLowerCase() !== input.confirmUsername.toLowerCase()) {
      fail("The username does not match.", { confirmUsername: ["Type the username exactly as shown above."] });
    }
    return anonymizeUser(tx, user, input.userId);
  },
  after: async () => {
    revalidatePath("/admin");
    revalidatePath("/admin/users");
  },
});
