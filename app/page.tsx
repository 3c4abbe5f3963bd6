import Link from "next/link";
import { redirect } from "next/navigation";
import { capitalize } from "@/lib/format";
import { db } from "@/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { dashboardPathFor } from "@/lib/auth/roles";
import { listFeaturedCourses } from "@/lib/courses/queries";
import { siteName } from "@/lib/site/config";

// Signed-in users go to their dashboard; guests see what the site offers.
export default async function HomePage() {
  const user = await getCurrentUser();
  if (user) redirect(dashboardPathFor(user.role));
  const featured = await listFeaturedCourses(db);

  return (
    <div className="flex flex-col gap-10">
      <section className="rounded-card bg-brand-800 px-6 py-12 text-white sm:px-10">
        <h1 className="text-3xl font-bold sm:text-4xl">Learn at your pace with {siteName()}</h1>
        <p className="mt-3 max-w-2xl text-brand-100">
          Courses from your teachers, lesson by lesson, with quizzes, assignments and a clear view of your progress.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/register" className="rounded-md bg-white px-4 py-2 font-semibold text-brand-800">
            Create a free account
          </Link>
          <Link href="/sign-in" className="rounded-md border border-white/60 px-4 py-2 font-semibold text-white">
            Sign in
          </Link>
        </div>
      </section>

      <section aria-labelledby="featured">
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="featured" className="text-xl font-semibold">
            Popular courses
          </h2>
          <Link href="/courses" className="font-semibold text-brand-700 underline hover:text-brand-800">
            Browse all courses
          </Link>
        </div>
        {featured.length === 0 ? (
          <p className="text-ink-muted">No course is published yet.</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {featured.map((course) => (
              <li key={course.id} className="flex flex-col gap-2 rounded-card border border-slate-200 bg-white p-5 shadow-sm">
                <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{capitalize(course.subject)}</p>
                <h3 className="text-lg font-semibold">{course.title}</h3>
                <p className="text-sm text-ink-muted">with {course.teacherName}</p>
                <p className="line-clamp-3 text-sm">{course.description.replace(/[*_`#>]/g, "")}</p>
                <p className="mt-auto text-xs text-ink-muted">
                  {course.lessonCount} lessons · {course.studentCount} enrolled
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
