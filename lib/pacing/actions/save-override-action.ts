"use server";

import { userAction } from "@/lib/actions/action";
import { saveOverride } from "../task-override-commands";
import { revalidateOverrides } from "./revalidate-overrides";

// Gives one student its own due date (and, on a quiz, time limit or attempts); the student is told.
export const saveOverrideAction = userAction({
  ...saveOverride,
  after: async (data) => revalidateOverrides(data),
});
