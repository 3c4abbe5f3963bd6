"use server";

import { userAction } from "@/lib/actions/action";
import { removeTeacherCommand } from "../teacher-commands";
import { revalidateSections } from "./revalidate-sections";

// Stops a teacher teaching a section.
export const removeTeacherAction = userAction({
  ...removeTeacherCommand,
  after: async (_data, input) => revalidateSections(input.courseId),
});
