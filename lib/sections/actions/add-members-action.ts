"use server";

import { userAction } from "@/lib/actions/action";
import { addMembersCommand } from "../member-commands";
import { revalidateSections } from "./revalidate-sections";

// Adds enrolled students to a section, all or none.
export const addMembersAction = userAction({
  ...addMembersCommand,
  after: async (_data, input) => revalidateSections(input.courseId),
});
