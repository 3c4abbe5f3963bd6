import { deleteCourseEventContract, getCourseEventContract, updateCourseEventContract } from "@/lib/api/contracts/calendar";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { courseEventAnswer } from "@/lib/calendar/api-views";
import { deleteCourseEvent, updateCourseEvent } from "@/lib/calendar/event-commands";
import { loadCourseEvent } from "@/lib/calendar/event-queries";

export const GET = apiRoute(getCourseEventContract, async ({ db, user, params }) => {
  const found = await loadCourseEvent(db, user, params.eventId, params.courseId);
  if (!found) throw new ApiProblem("not_found", "This event does not exist, or you are not a member of its course.");
  return courseEventAnswer(found.event);
});

export const PUT = apiRoute(updateCourseEventContract, async ({ db, user, params, body }) => {
  await updateCourseEvent(db, user, { ...body, eventId: params.eventId }, params.courseId);
  const found = await loadCourseEvent(db, user, params.eventId);
  return courseEventAnswer(found!.event);
});

export const DELETE = apiRoute(deleteCourseEventContract, async ({ db, user, params }) => {
  const deleted = await deleteCourseEvent(db, user, params.eventId, params.courseId);
  return { eventId: deleted.eventId };
});
