import "server-only";
import { and, asc, count, eq, notExists, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseSections, enrollments, sectionMembers, sectionTeachers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { matchesPerson, personName } from "@/lib/users/person-search";
import { loadManagedCourse, type SectionCourse } from "./access";
import { enrolledIn, inNoSectionOf } from "./course-students";
import { outerSectionId, outerUserId } from "./outer-columns";

// What the teacher's section pages read: the course's sections with their
// member counts and teachers, one section's members (a page at a time), the
// students who could join it (searchable, paged) and the teachers who could
// teach it. Every read starts from the course the actor manages.

export interface Person {
  id: string;
  name: string;
}

export interface SectionSummary {
  id: string;
  name: string;
  description: string;
  memberCount: number;
  teachers: Person[];
}

/** A section's member count and its teachers by name, as columns of a select over course_sections. */
export const sectionSummaryColumns = {
  id: courseSections.id,
  name: courseSections.name,
  description: courseSections.description,
  memberCount: sql<number>`(SELECT count(*) FROM ${sectionMembers} WHERE ${sectionMembers.sectionId} = ${outerSectionId})`.mapWith(Number),
  teachers: sql<Person[]>`(SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', coalesce(u.display_name, u.username)) ORDER BY coalesce(u.display_name, u.username), u.id), '[]'::json)
    FROM ${sectionTeachers} st INNER JOIN ${users} u ON u.id = st.user_id WHERE st.section_id = ${outerSectionId})`,
};

export interface SectionsOverview {
  course: SectionCourse;
  sections: SectionSummary[];
  enrolledCount: number;
  /** Enrolled students in no section of the course: whom a split of "unassigned" deals. */
  unassignedCount: number;
}

/** The sections page of a course the actor manages; null reads as not found. Three statements. */
export async function loadSectionsOverview(db: DbOrTx, actor: Actor, courseId: string): Promise<SectionsOverview | null> {
  const course = await loadManagedCourse(db, actor, courseId);
  if (!course) return null;
  const sections = await db
    .select(sectionSummaryColumns)
    .from(courseSections)
    .where(eq(courseSections.courseId, course.id))
    .orderBy(asc(sql`lower(${courseSections.name})`), asc(courseSections.id));
  const [counts] = await db
    .select({
      enrolled: count(),
      unassigned: sql<number>`count(*) FILTER (WHERE ${inNoSectionOf(course.id)})`.mapWith(Number),
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(enrolledIn(course.id));
  return { course, sections, enrolledCount: counts?.enrolled ?? 0, unassignedCount: counts?.unassigned ?? 0 };
}

export interface PagedPeople {
  rows: Person[];
  total: number;
  page: number;
  perPage: number;
}

export interface SectionDetail {
  course: SectionCourse;
  section: SectionSummary;
  members: PagedPeople;
  /** Enrolled students not in this section, matching the search. */
  candidates: PagedPeople & { search: string };
  /** Active teachers who could teach the section: not the course's own, not already its teachers. */
  teacherCandidates: Person[];
}

export const membersPerPage = 50;
export const candidatesPerPage = 25;
const teacherCandidateLimit = 500;

/** Rows of one page and the total, in one statement (count(*) OVER ()). */
async function pageOfPeople<T extends { total: number }>(rows: Promise<(Person & T)[]>, page: number, perPage: number): Promise<PagedPeople> {
  const list = await rows;
  return { rows: list.map(({ id, name }) => ({ id, name })), total: list[0]?.total ?? 0, page, perPage };
}

/** One section's page: five statements whatever the class size. */
export async function loadSectionDetail(
  db: DbOrTx,
  actor: Actor,
  courseId: string,
  sectionId: string,
  options: { memberPage: number; candidatePage: number; search: string },
): Promise<SectionDetail | null> {
  const course = await loadManagedCourse(db, actor, courseId);
  if (!course) return null;
  const [section] = await db
    .select(sectionSummaryColumns)
    .from(courseSections)
    .where(and(eq(courseSections.id, sectionId), eq(courseSections.courseId, course.id)));
  if (!section) return null;

  const total = sql<number>`count(*) OVER ()`.mapWith(Number);
  const members = await pageOfPeople(
    db
      .select({ id: users.id, name: personName, total })
      .from(sectionMembers)
      .innerJoin(users, eq(users.id, sectionMembers.userId))
      .where(eq(sectionMembers.sectionId, section.id))
      .orderBy(asc(personName), asc(users.id))
      .limit(membersPerPage)
      .offset((options.memberPage - 1) * membersPerPage),
    options.memberPage,
    membersPerPage,
  );
  const notInSection = notExists(
    sql`(SELECT 1 FROM ${sectionMembers} sm WHERE sm.section_id = ${section.id} AND sm.user_id = ${outerUserId})`,
  );
  const candidates = await pageOfPeople(
    db
      .select({ id: users.id, name: personName, total })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .where(and(enrolledIn(course.id), notInSection, matchesPerson(options.search)))
      .orderBy(asc(personName), asc(users.id))
      .limit(candidatesPerPage)
      .offset((options.candidatePage - 1) * candidatesPerPage),
    options.candidatePage,
    candidatesPerPage,
  );
  const teacherCandidates = await db
    .select({ id: users.id, name: personName })
    .from(users)
    .where(
      and(
        eq(users.role, "teacher"),
        eq(users.isActive, true),
        sql`${users.id} <> ${course.teacherId}`,
        notExists(sql`(SELECT 1 FROM ${sectionTeachers} st WHERE st.section_id = ${section.id} AND st.user_id = ${outerUserId})`),
      ),
    )
    .orderBy(asc(personName), asc(users.id))
    .limit(teacherCandidateLimit);
  return { course, section, members, candidates: { ...candidates, search: options.search }, teacherCandidates };
}

/** The names of the sections a student sits in, in one course, by name. One statement. */
export async function loadMySectionNames(db: DbOrTx, actor: Actor, courseId: string): Promise<string[]> {
  if (actor.role !== "student") return [];
  const rows = await db
    .select({ name: courseSections.name })
    .from(sectionMembers)
    .innerJoin(courseSections, eq(courseSections.id, sectionMembers.sectionId))
    .where(and(eq(sectionMembers.userId, actor.id), eq(courseSections.courseId, courseId)))
    .orderBy(asc(sql`lower(${courseSections.name})`));
  return rows.map((row) => row.name);
}
