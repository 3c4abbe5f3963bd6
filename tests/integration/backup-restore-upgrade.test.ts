import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { connectPostgres, wrapPglite, type Database, type DatabaseHandle } from "@/db";
import { migrationsFolder } from "@/db/migrate";
import { createBackup, type BackupSource } from "@/lib/backup/create-backup";
import { restoreBackup, type RestoreTarget } from "@/lib/backup/restore-backup";
import { buildSchema } from "@/lib/backup/schema-version";
import { rowsOf } from "@/lib/db/rows";
import { LocalBackend } from "@/lib/storage/local-backend";
import { adminUrl, databaseUrlFor } from "./database-urls";
import { testDbKind } from "./helpers";

// A backup made by an older release restores on this one: the archive's
// schema is put back as it was, then this build's newer migrations run on it.
// The archive here comes from a site migrated only up to 0019, the migration
// before courses got their kept student count (0020), so the restore must add
// the column and count every course's students from the restored enrolments.

const olderMigration = "0019_report_subject_and_role_indexes";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-backup-upgrade-"));
const serverUrl = process.env.TEST_DATABASE_URL;
const admin = serverUrl ? postgres(adminUrl(serverUrl), { max: 1, onnotice: () => {} }) : undefined;
const createdDatabases: string[] = [];
let counter = 0;

afterAll(async () => {
  for (const name of createdDatabases) await admin!.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin?.end();
  fs.rmSync(work, { recursive: true, force: true });
});

/** The migrations folder as an older release shipped it: the journal ends at `lastTag`. */
function olderMigrationsFolder(lastTag: string): string {
  const folder = path.join(work, `drizzle-${counter++}`);
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  expect(last, `${lastTag} is in the journal`).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

async function emptyPostgres(): Promise<string> {
  const name = `jeevi_test_upgrade_${process.pid}_${Date.now()}_${counter++}`;
  await admin!.unsafe(`CREATE DATABASE "${name}"`);
  createdDatabases.push(name);
  return databaseUrlFor(serverUrl!, name);
}

/** A site as the older release left it: migrated to 0019, a teacher, two courses, enrolments of each status. */
async function olderSite(): Promise<{ source: BackupSource; close: () => Promise<void> }> {
  const folder = olderMigrationsFolder(olderMigration);
  let handle: DatabaseHandle;
  let source: BackupSource;
  if (testDbKind() === "pglite") {
    const client = new PGlite();
    handle = wrapPglite(client);
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    source = { kind: "pglite", client };
  } else {
    const url = await emptyPostgres();
    handle = connectPostgres(url, 1);
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder: folder });
    source = { kind: "postgres", url };
  }
  await seedOlderSite(handle.db);
  return { source, close: () => handle.close() };
}

async function seedOlderSite(db: Database) {
  await db.execute(sql`
    INSERT INTO users (email, username, role, password_hash)
    SELECT 'old-user' || i || '@test.example', 'old_user_' || i, CASE WHEN i = 0 THEN 'teacher' ELSE 'student' END::user_role, 'x'
    FROM generate_series(0, 6) i`);
  await db.execute(sql`
    INSERT INTO courses (slug, title, subject, status, teacher_id, published_at)
    SELECT 'old-course-' || c, 'Old course ' || c, 'physics', 'published', u.id, now()
    FROM generate_series(1, 2) c, users u WHERE u.username = 'old_user_0'`);
  // Course 1: students 1–4 active, 5 completed, 6 dropped (5 students). Course 2: student 1 suspended (none).
  await db.execute(sql`
    INSERT INTO enrollments (user_id, course_id, status, completed_at)
    SELECT u.id, c.id,
      (CASE WHEN i = 5 THEN 'completed' WHEN i = 6 THEN 'dropped' ELSE 'active' END)::enrollment_status,
      CASE WHEN i = 5 THEN now() END
    FROM generate_series(1, 6) i
    JOIN users u ON u.username = 'old_user_' || i
    JOIN courses c ON c.slug = 'old-course-1'`);
  await db.execute(sql`
    INSERT INTO enrollments (user_id, course_id, status)
    SELECT u.id, c.id, 'suspended' FROM users u, courses c WHERE u.username = 'old_user_1' AND c.slug = 'old-course-2'`);
}

function openTarget(target: RestoreTarget): DatabaseHandle {
  return target.kind === "pglite" ? wrapPglite(new PGlite(target.dir)) : connectPostgres(target.url, 1);
}

describe("restoring a backup from an older release", () => {
  it("puts the older schema back, runs this build's newer migrations on it, and says so", async () => {
    const site = await olderSite();
    const archive = path.join(work, "older-site.tar.gz");
    let manifest;
    try {
      manifest = await createBackup({
        source: site.source,
        storage: new LocalBackend(path.join(work, "no-uploads")),
        outFile: archive,
        storageBackend: "local",
        authSecretFingerprint: null,
      });
    } finally {
      await site.close();
    }
    expect(manifest.schema.migration).toBe(olderMigration);
    expect(manifest.schema.migratedAt).toBeLessThan(buildSchema.migratedAt);

    const target: RestoreTarget =
      testDbKind() === "pglite" ? { kind: "pglite", dir: path.join(work, "restored-pglite") } : { kind: "postgres", url: await emptyPostgres() };
    const report = await restoreBackup({ archive, target, storage: new LocalBackend(path.join(work, "restored-uploads")) });
    expect(report).toMatchObject({ upgraded: true });

    const restored = openTarget(target);
    try {
      const [latest] = rowsOf<{ hash: string; created_at: string }>(
        await restored.db.execute(sql`SELECT hash, created_at::text FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`),
      );
      expect(Number(latest!.created_at)).toBe(buildSchema.migratedAt);

      // 0020's column, filled from the restored enrolments: active and completed count, dropped and suspended do not.
      const counts = rowsOf<{ slug: string; student_count: number }>(
        await restored.db.execute(sql`SELECT slug, student_count FROM courses ORDER BY slug`),
      );
      expect(counts).toEqual([
        { slug: "old-course-1", student_count: 5 },
        { slug: "old-course-2", student_count: 0 },
      ]);
      // And kept from then on by the triggers the migration added.
      await restored.db.execute(sql`
        UPDATE enrollments SET status = 'active' WHERE course_id = (SELECT id FROM courses WHERE slug = 'old-course-2')`);
      const [second] = rowsOf<{ student_count: number }>(
        await restored.db.execute(sql`SELECT student_count FROM courses WHERE slug = 'old-course-2'`),
      );
      expect(second!.student_count).toBe(1);

      const [audit] = rowsOf<{ after: { schema: string; migratedTo: string } }>(
        await restored.db.execute(sql`SELECT after FROM audit_log WHERE action = 'site.restored'`),
      );
      expect(audit!.after).toMatchObject({ schema: olderMigration, migratedTo: buildSchema.migration });
    } finally {
      await restored.close();
    }
  });
});
