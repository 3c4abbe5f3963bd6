"use server";

import { userAction } from "@/lib/actions/action";
import { updateCourseEventCommand } from "../event-commands";
import { revalidateCourseEvents } from "./revalidate-calendar";

// Changes a course event; subscribed calendars take the change by its new sequence.
export const updateCourseEventAction = userAction({
  ...updateCourseEventCommand,
  after: async (data) => revalidateCourseEvents(data),
});
