import Link from "next/link";
import { capitalize } from "@/lib/format";
import type { SectionTeacherCourse } from "@/lib/courses/section-teacher-course";

const linkClass = "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100";

/** A course as its section teacher sees it: the sections it teaches and where it sees and grades their students. */
export function SectionTeacherCourseView({ course }: { course: SectionTeacherCourse }) {
  const names = course.sections.map((section) => section.name).join(", ");
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href="/teacher" className="text-sm font-medium text-brand-700 underline">
          ← Back to my courses
        </Link>
        <h1 className="text-2xl font-bold">{course.title}</h1>
        <p className="text-ink-muted">
          {capitalize(course.subject)} · taught by {course.teacherName} · {course.sections.length === 1 ? "Section" : "Sections"} you teach:{" "}
          <span className="font-medium text-ink">{names}</span>
        </p>
      </header>
      <section aria-labelledby="section-teaching" className="rounded-card border border-slate-200 bg-white p-4">
        <h2 id="section-teaching" className="text-lg font-semibold">
          Your sections&apos; students
        </h2>
        <p className="mt-1 text-sm text-ink-muted">
          As a section teacher you see and grade the students of your sections only. The course&apos;s content, quizzes,
          assignments and dates are set by {course.teacherName}.
        </p>
        <nav aria-label="Section teaching" className="mt-4 flex flex-wrap gap-3">
          <Link href={`/teacher/courses/${course.id}/progress`} className={linkClass}>
            Progress
          </Link>
          <Link href={`/teacher/courses/${course.id}/gradebook`} className={linkClass}>
            Gradebook
          </Link>
          <Link href={`/teacher/grading?course=${course.id}`} className={linkClass}>
            Grade hand-ins
          </Link>
          <Link href={`/teacher/grading?view=quiz_essays&course=${course.id}`} className={linkClass}>
            Grade quiz essays
          </Link>
        </nav>
      </section>
      <section aria-labelledby="section-quiz-results" className="rounded-card border border-slate-200 bg-white p-4">
        <h2 id="section-quiz-results" className="text-lg font-semibold">
          Quiz results
        </h2>
        {course.quizzes.length === 0 ? (
          <p className="mt-1 text-sm text-ink-muted">This course has no published quiz yet.</p>
        ) : (
          <ul className="mt-2 flex flex-col gap-2">
            {course.quizzes.map((quiz) => (
              <li key={quiz.id}>
                <Link href={`/teacher/courses/${course.id}/quizzes/${quiz.id}/results`} className="font-medium text-brand-700 underline">
                  {quiz.title}
                  <span className="sr-only">: results of your sections</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
