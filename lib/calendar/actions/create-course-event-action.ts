"use server";

import { userAction } from "@/lib/actions/action";
import { createCourseEventCommand } from "../event-commands";
import { revalidateCourseEvents } from "./revalidate-calendar";

// Adds an event to a course's calendar (a class, an exam, a trip).
export const createCourseEventAction = userAction({
  ...createCourseEventCommand,
  after: async (data) => revalidateCourseEvents(data),
});
