"use server";

import { userAction } from "@/lib/actions/action";
import { deleteCourseEventCommand } from "../event-commands";
import { revalidateCourseEvents } from "./revalidate-calendar";

// Removes a course event (the page asks for confirmation first).
export const deleteCourseEventAction = userAction({
  ...deleteCourseEventCommand,
  after: async (data) => revalidateCourseEvents(data),
});
