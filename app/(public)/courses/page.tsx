import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { CatalogueFilters } from "@/components/catalogue/catalogue-filters";
import { CourseCard } from "@/components/catalogue/course-card";
import { Pagination } from "@/components/catalogue/pagination";
import { capitalize } from "@/lib/format";
import { countOf } from "@/components/ui/plural";
import { db } from "@/db";
import { listCatalogueSubjects, searchCatalogue } from "@/lib/courses/catalogue";
import { catalogueHref, parseCatalogueParams } from "@/lib/courses/catalogue-schema";

export const metadata: Metadata = { title: "Courses" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CataloguePage({ searchParams }: { searchParams: SearchParams }) {
  // Every request reads the database; without this `next build` would try to prerender the page.
  await connection();
  const params = parseCatalogueParams(await searchParams);
  const [result, subjects] = await Promise.all([searchCatalogue(db, params), listCatalogueSubjects(db)]);
  const kept = { q: params.q, subject: params.subject, requestedSort: params.requestedSort };

  // A page past the end (an old link, fewer courses now) cannot know its total; start again at the first.
  if (result.courses.length === 0 && params.page > 1) redirect(catalogueHref(kept));

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">Courses</h1>
        <p className="text-ink-muted">Every published course, open to all. Search by title or description.</p>
      </header>

      {subjects.length === 0 ? (
        <p className="rounded-card border border-dashed border-slate-300 bg-white p-8 text-center text-ink-muted">
          No course is published yet. Please come back soon.
        </p>
      ) : (
        <>
          <CatalogueFilters
            // A new search remounts the form, so its fields show the URL's values after client navigation.
            key={catalogueHref(kept)}
            q={params.q}
            subject={params.subject}
            requestedSort={params.requestedSort}
            subjects={subjects}
          />

          {result.total === 0 ? (
            <div className="rounded-card border border-dashed border-slate-300 bg-white p-8 text-center">
              <p className="font-medium">No courses match {describeSearch(params.q, params.subject)}.</p>
              <p className="mt-1 text-sm text-ink-muted">Try other words, or another subject.</p>
              <Link href="/courses" className="mt-4 inline-block font-semibold text-brand-700 underline hover:text-brand-800">
                Clear search
              </Link>
            </div>
          ) : (
            <section aria-label="Search results" className="flex flex-col gap-4">
              <p className="font-medium">{countOf(result.total, "course")}</p>
              <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {result.courses.map((course) => (
                  <CourseCard key={course.id} course={course} />
                ))}
              </ul>
              <Pagination
                page={result.page}
                pageCount={result.pageCount}
                previousHref={result.page > 1 ? catalogueHref({ ...kept, page: result.page - 1 }) : undefined}
                nextHref={result.page < result.pageCount ? catalogueHref({ ...kept, page: result.page + 1 }) : undefined}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}

function describeSearch(q: string, subject: string | undefined): string {
  if (q && subject) return `“${q}” in ${capitalize(subject)}`;
  if (q) return `“${q}”`;
  return subject ? `the subject ${capitalize(subject)}` : "this search";
}
