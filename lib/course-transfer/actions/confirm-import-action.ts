"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { confirmImport, confirmImportSchema } from "../transfers/transfer-commands";

// Starts the import of a package the teacher previewed, with the title, date shift and choices it made.
export const confirmImportAction = userAction({
  name: "course.import.confirm",
  schema: confirmImportSchema,
  // Only the uploader's own waiting package is found by the command; anything else is not found.
  authorize: (user) => can(user, "course.import"),
  run: (input, { user, tx }) => confirmImport(tx, user, input),
  after: async ({ transferId }) => {
    revalidatePath(`/teacher/transfers/${transferId}`);
    revalidatePath("/teacher/courses/import");
  },
});
