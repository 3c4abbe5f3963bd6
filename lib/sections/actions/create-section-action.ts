"use server";

import { userAction } from "@/lib/actions/action";
import { createSectionCommand } from "../section-commands";
import { revalidateSections } from "./revalidate-sections";

// Creates an empty section in a course the teacher runs.
export const createSectionAction = userAction({
  ...createSectionCommand,
  after: async (_data, input) => revalidateSections(input.courseId),
});
