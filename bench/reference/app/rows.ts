import postgres from "postgres";

// One pool per server process, as the app has: REFERENCE_DATABASE_URL is the
// benchmark's seeded PostgreSQL database.
const store = globalThis as unknown as { __referenceSql?: postgres.Sql };

export function referenceSql(): postgres.Sql {
  const url = process.env.REFERENCE_DATABASE_URL;
  if (!url) throw new Error("REFERENCE_DATABASE_URL is not set.");
  store.__referenceSql ??= postgres(url, { max: 10, onnotice: () => {} });
  return store.__referenceSql;
}

export interface ReferenceRow {
  slug: string;
  title: string;
  subject: string;
}

export async function twelveCourses(): Promise<ReferenceRow[]> {
  return referenceSql()<ReferenceRow[]>`
    SELECT slug, title, subject FROM courses WHERE status = 'published' ORDER BY title LIMIT 12`;
}
