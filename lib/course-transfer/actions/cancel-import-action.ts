"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { cancelImport, transferIdSchema } from "../transfers/transfer-commands";

// Drops an uploaded package the teacher decided not to import, with its stored file.
export const cancelImportAction = userAction({
  name: "course.import.cancel",
  schema: transferIdSchema,
  authorize: (user) => can(user, "course.import"),
  run: (input, { user, tx }) => cancelImport(tx, user, input),
  after: async ({ transferId }) => {
    revalidatePath(`/teacher/transfers/${transferId}`);
    revalidatePath("/teacher/courses/import");
  },
});
