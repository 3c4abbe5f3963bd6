"use server";

import { userAction } from "@/lib/actions/action";
import { splitCommand } from "../split-command";
import { revalidateSections } from "./revalidate-sections";

// Deals the course's students at random into N balanced groups.
export const splitAction = userAction({
  ...splitCommand,
  after: async (_data, input) => revalidateSections(input.courseId),
});
