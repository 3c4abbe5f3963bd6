"use server";

import { userAction } from "@/lib/actions/action";
import { deleteSectionCommand } from "../section-commands";
import { revalidateSections } from "./revalidate-sections";

// Deletes a section with its memberships, teachers and own threads.
export const deleteSectionAction = userAction({
  ...deleteSectionCommand,
  after: async (_data, input) => revalidateSections(input.courseId),
});
