"use server";

import { userAction } from "@/lib/actions/action";
import { removeOverride } from "../task-override-commands";
import { revalidateOverrides } from "./revalidate-overrides";

// Takes a student's override away: the task's own limits apply again; the student is told.
export const removeOverrideAction = userAction({
  ...removeOverride,
  after: async (data) => revalidateOverrides(data),
});
