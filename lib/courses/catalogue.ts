import "server-only";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, users } from "@/db/schema";
import { afterCursor, cursorColumn, orderByKeys, type SortKey } from "@/lib/api/pagination";
import { pageCountOf } from "@/lib/pagination";
import { cataloguePageSize, type CatalogueSearch } from "./catalogue-schema";
import { lessonCount, teacherName } from "./queries";
import { prefixTsquery } from "./search-terms";
import { summarize } from "./summary";

export interface CatalogueCard {
  id: string;
  slug: string;
  title: string;
  subject: string;
  teacherName: string;
  lessonCount: number;
  studentCount: number;
  summary: string;
}

export interface CataloguePage {
  courses: CatalogueCard[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

export interface CatalogueSubject {
  subject: string;
  courseCount: number;
}

const listed = and(eq(courses.status, "published"), eq(courses.visibility, "public"));
// Enough Markdown for a 200-character teaser once its punctuation is stripped.
const descriptionHead = sql<string>`left(${courses.description}, 400)`;

/**
 * The query the user typed as a tsquery: PostgreSQL's own web-search syntax
 * (quotes, OR, -word), or'ed with every word as a prefix so "mech" finds
 * "Mechanics". Both reach the database as bound parameters.
 */
function matchQuery(q: string): SQL {
  const web = sql`websearch_to_tsquery('english', ${q})`;
  const prefix = prefixTsquery(q);
  return prefix ? sql`(${web} || to_tsquery('english', ${prefix}))` : web;
}

/**
 * One page of published public courses matching the search, with the number of
 * matches, in a single statement whatever the page or the catalogue's size.
 */
export async function searchCatalogue(db: DbOrTx, params: CatalogueSearch): Promise<CataloguePage> {
  const page = Math.max(1, Math.floor(params.page));
  const tsquery = params.q ? matchQuery(params.q) : undefined;
  const rank = tsquery ? sql`ts_rank(${courses.searchVector}, ${tsquery})` : undefined;
  const title = sql`lower(${courses.title})`;

  const order: SQL[] = [];
  const sort = params.sort === "relevance" && !rank ? "popular" : params.sort;
  if (sort === "relevance" && rank) order.push(desc(rank), desc(courses.studentCount));
  if (sort === "newest") order.push(sql`coalesce(${courses.publishedAt}, ${courses.createdAt}) DESC`);
  if (sort === "popular") order.push(desc(courses.studentCount));
  // Ties end in a fixed order, so a course never shows on two pages or on none.
  order.push(asc(title), asc(courses.id));

  const rows = await db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      subject: courses.subject,
      description: descriptionHead,
      teacherName,
      lessonCount,
      studentCount: courses.studentCount,
      total: sql<number>`(count(*) OVER ())::int`,
    })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.teacherId))
    .where(
      and(
        listed,
        params.subject ? eq(courses.subject, params.subject) : undefined,
        tsquery ? sql`${courses.searchVector} @@ ${tsquery}` : undefined,
      ),
    )
    .orderBy(...order)
    .limit(cataloguePageSize)
    .offset((page - 1) * cataloguePageSize);

  // A page past the end has no rows, so it cannot tell the total: callers see 0.
  const total = rows[0]?.total ?? 0;
  return {
    courses: rows.map(({ description, total: _total, ...card }) => ({ ...card, summary: summarize(description) })),
    total,
    page,
    pageCount: pageCountOf(total, cataloguePageSize),
    pageSize: cataloguePageSize,
  };
}

/** Subjects that have published public courses, with how many. One statement. */
export async function listCatalogueSubjects(db: DbOrTx): Promise<CatalogueSubject[]> {
  return db
    .select({ subject: courses.subject, courseCount: sql<number>`count(*)::int` })
    .from(courses)
    .where(listed)
    .groupBy(courses.subject)
    .orderBy(asc(courses.subject));
}

export type CatalogueKeysetSort = "title" | "newest";

/**
 * The catalogue for the REST API: the same published public courses and the
 * same search, one page after a cursor (keyset), so courses published while a
 * client pages through never shift a page. One statement; `limit + 1` rows
 * come back so the caller knows whether a next page exists.
 */
export async function searchCatalogueAfter(
  db: DbOrTx,
  params: { q: string; subject?: string; sort: CatalogueKeysetSort; cursor?: string; limit: number },
) {
  const tsquery = params.q ? matchQuery(params.q) : undefined;
  const keys: SortKey[] =
    params.sort === "newest"
      ? [
          { expr: sql`coalesce(${courses.publishedAt}, ${courses.createdAt})`, direction: "desc", cast: "timestamptz" },
          { expr: courses.id, direction: "asc", cast: "uuid" },
        ]
      : [
          { expr: sql`lower(${courses.title})`, direction: "asc", cast: "text" },
          { expr: courses.id, direction: "asc", cast: "uuid" },
        ];
  return db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      subject: courses.subject,
      description: descriptionHead,
      publishedAt: courses.publishedAt,
      teacherName,
      lessonCount,
      studentCount: courses.studentCount,
      cursor: cursorColumn(keys),
    })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.teacherId))
    .where(
      and(
        listed,
        params.subject ? eq(courses.subject, params.subject) : undefined,
        tsquery ? sql`${courses.searchVector} @@ ${tsquery}` : undefined,
        afterCursor(keys, params.cursor),
      ),
    )
    .orderBy(...orderByKeys(keys))
    .limit(params.limit + 1);
}
