import { createCourseEventContract, listCourseEventsContract } from "@/lib/api/contracts/calendar";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { courseEventAnswer } from "@/lib/calendar/api-views";
import { createCourseEvent } from "@/lib/calendar/event-commands";
import { listCourseEvents, loadCourseEvent, loadEventReadableCourse } from "@/lib/calendar/event-queries";

export const GET = apiRoute(listCourseEventsContract, async ({ db, user, params }) => {
  const course = await loadEventReadableCourse(db, user, params.courseId);
  if (!course) throw new ApiProblem("not_found", "This course does not exist, or you are not one of its members.");
  return { data: (await listCourseEvents(db, user, course.id)).map(courseEventAnswer) };
});

export const POST = apiRoute(createCourseEventContract, async ({ db, user, params, body }) => {
  const created = await createCourseEvent(db, user, { ...body, courseId: params.courseId });
  const found = await loadCourseEvent(db, user, created.eventId);
  return courseEventAnswer(found!.event);
});
