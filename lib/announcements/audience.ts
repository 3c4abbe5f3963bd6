import { sql, type SQL } from "drizzle-orm";
import { announcements } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";

// Who an announcement is for: the whole course when it names no section,
// else the members of the sections it names (announcement_sections). Staff
// (the course's teacher, its section teachers, admins) read every one.

/**
 * The announcements the actor may read among those of courses it may read
 * (pair it with courseReadableBy): all for staff; for a student the
 * whole-course ones and those of a section it sits in. Undefined: no filter.
 */
export function announcementVisibleTo(actor: Actor): SQL | undefined {
  if (actor.role !== "student") return undefined;
  // Aliased subqueries: the outer announcement is the only unaliased reference.
  return sql`(NOT EXISTS (SELECT 1 FROM announcement_sections as_v WHERE as_v.announcement_id = ${announcements.id})
    OR EXISTS (SELECT 1 FROM announcement_sections as_v
      INNER JOIN section_members sm_v ON sm_v.section_id = as_v.section_id
      WHERE as_v.announcement_id = ${announcements.id} AND sm_v.user_id = ${actor.id}::uuid))`;
}

export interface AnnouncementAudienceSection {
  id: string;
  name: string;
}

/** The sections an announcement is for, by name (an empty list: the whole course), as a column of its row. */
export const audienceSectionsColumn = sql<AnnouncementAudienceSection[] | string>`coalesce((
  SELECT json_agg(json_build_object('id', cs_a.id, 'name', cs_a.name) ORDER BY cs_a.name, cs_a.id)
  FROM announcement_sections as_a INNER JOIN course_sections cs_a ON cs_a.id = as_a.section_id
  WHERE as_a.announcement_id = ${announcements.id}), '[]'::json)`;

/** json_agg reads as text on some drivers and as parsed JSON on others. */
export const parseAudience = (value: AnnouncementAudienceSection[] | string): AnnouncementAudienceSection[] =>
  typeof value === "string" ? (JSON.parse(value) as AnnouncementAudienceSection[]) : value;
