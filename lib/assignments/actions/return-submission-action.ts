"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { returnSubmission } from "../return-submission";
import { returnSubmissionSchema } from "../schemas";

// Send work back for another version, with feedback saying why.
export const returnSubmissionAction = userAction({
  name: "returnSubmission",
  schema: returnSubmissionSchema,
  authorize: (user) => can(user, "area.teacher"),
  run: (input, { user, tx }) => returnSubmission(tx, user, input),
  after: async () => {
    revalidatePath("/teacher/grading", "layout");
    revalidatePath("/grades");
  },
});
