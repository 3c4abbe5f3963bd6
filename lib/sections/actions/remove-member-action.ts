"use server";

import { userAction } from "@/lib/actions/action";
import { removeMemberCommand } from "../member-commands";
import { revalidateSections } from "./revalidate-sections";

// Takes a student out of a section (the enrolment stays).
export const removeMemberAction = userAction({
  ...removeMemberCommand,
  after: async (_data, input) => revalidateSections(input.courseId),
});
