"use server";

import { userAction } from "@/lib/actions/action";
import { updateSectionCommand } from "../section-commands";
import { revalidateSections } from "./revalidate-sections";

// Renames a section or changes its description.
export const updateSectionAction = userAction({
  ...updateSectionCommand,
  after: async (_data, input) => revalidateSections(input.courseId),
});
