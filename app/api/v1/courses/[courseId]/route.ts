import { getCourseContract } from "@/lib/api/contracts/core";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { loadCoursePage } from "@/lib/courses/course-page";
import { lockJson } from "@/lib/pacing/lock-json";

export const GET = apiRoute(getCourseContract, async ({ db, user, params }) => {
  const page = await loadCoursePage(db, user, { id: params.courseId });
  if (!page) throw new ApiProblem("not_found", "This course does not exist.");
  const { course, outline } = page;
  const lock = (kind: "module" | "lesson" | "task", id: string) => lockJson(outline.release.state(kind, id), page.wording);
  return {
    id: course.id,
    slug: course.slug,
    title: course.title,
    subject: course.subject,
    description: course.description,
    learningObjectives: course.learningObjectives,
    prerequisites: course.prerequisites,
    status: course.status,
    visibility: course.visibility,
    teacherName: course.teacherName,
    lessonCount: course.lessonCount,
    studentCount: course.studentCount,
    enrollmentStatus: page.enrollmentStatus,
    progressPercent: page.progress?.percent ?? null,
    progressScope: page.progressScope,
    canEnroll: page.canEnroll,
    canViewContent: page.canViewContent,
    modules: outline.modules.map((courseModule) => ({
      id: courseModule.id,
      title: courseModule.title,
      position: courseModule.position,
      ...lock("module", courseModule.id),
      lessons: courseModule.lessons.map((lesson) => ({
        id: lesson.id,
        title: lesson.title,
        contentType: lesson.contentType,
        durationMinutes: lesson.durationMinutes,
        position: lesson.position,
        completed: outline.done.lessons.has(lesson.id),
        ...lock("lesson", lesson.id),
      })),
    })),
    tasks: outline.tasks.map((task) => ({
      id: task.id,
      title: task.title,
      type: task.type,
      moduleId: task.moduleId,
      position: task.position,
      ...lock("task", task.id),
    })),
  };
});
