"use server";

import { userAction } from "@/lib/actions/action";
import { addTeacherCommand } from "../teacher-commands";
import { revalidateSections } from "./revalidate-sections";

// Makes another teacher a teacher of one section.
export const addTeacherAction = userAction({
  ...addTeacherCommand,
  after: async (_data, input) => revalidateSections(input.courseId),
});
