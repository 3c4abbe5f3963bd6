"use server";

import { userAction } from "@/lib/actions/action";
import { saveSectionOverrideCommand } from "../section-override-commands";
import { revalidateOverrides } from "./revalidate-overrides";

// Gives a section its own due date (and, on a quiz, time limit or attempts); its students are told.
export const saveSectionOverrideAction = userAction({
  ...saveSectionOverrideCommand,
  after: async (data) => revalidateOverrides(data),
});
