"use server";

import { userAction } from "@/lib/actions/action";
import { removeSectionOverrideCommand } from "../section-override-commands";
import { revalidateOverrides } from "./revalidate-overrides";

// Takes a section's override away: its students follow their own, their other sections' or the task's limits; they are told.
export const removeSectionOverrideAction = userAction({
  ...removeSectionOverrideCommand,
  after: async (data) => revalidateOverrides(data),
});
