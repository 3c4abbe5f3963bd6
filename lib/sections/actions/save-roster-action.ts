"use server";

import { userAction } from "@/lib/actions/action";
import { saveRosterCommand } from "../roster-commands";
import { revalidateSections } from "./revalidate-sections";

// Saves a roster CSV's memberships, all rows or none.
export const saveRosterAction = userAction({
  ...saveRosterCommand,
  after: async (_data, input) => revalidateSections(input.courseId),
});
