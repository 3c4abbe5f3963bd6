"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { gradeSubmission } from "../grade-submission";
import { gradeSubmissionSchema } from "../schemas";

// Save a draft grade or release it; the work checks the course and the revision.
export const gradeSubmissionAction = userAction({
  name: "gradeSubmission",
  schema: gradeSubmissionSchema,
  authorize: (user) => can(user, "area.teacher"),
  run: (input, { user, tx }) => gradeSubmission(tx, user, input),
  after: async (outcome) => {
    revalidatePath("/teacher/grading", "layout");
    if (outcome.gradeStatus === "released") revalidatePath("/grades");
  },
});
