// What the fuzz suites share: the battery of bad values, the ids of a real
// world to put around them, and a fingerprint of every table to prove a
// refused call changed nothing. Not a test file.
import { sql } from "drizzle-orm";
import { testDb } from "../helpers";
import type { ApiWorld } from "../api/world";

/**
 * Tables that record attempts by design, refused ones included: the audit
 * log (failed sign-ins, throttled tries), the throttles' and rate limits'
 * counters, the enrolment-key failures that make guessing a key slow, and the
 * idempotency keys the API stores with each answer, refusals too.
 */
// rate_counters holds every throttle and rate limit: counting a refused try is its job.
export const attemptLogTables = new Set(["audit_log", "rate_counters", "api_idempotency_keys"]);

/** Columns that record use, not state: a token's last use is stamped by any request it makes, refused or not. */
const usageColumns: Record<string, string[]> = { api_tokens: ["last_used_at"], user_sessions: ["last_seen_at"] };

let fingerprintSql: string | undefined;

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];

/** One statement: an md5 of every row of every table but the attempt logs, by table. */
export async function fingerprint(): Promise<Record<string, string>> {
  if (!fingerprintSql) {
    const columns = rowsOf<{ table: string; column: string }>(
      await testDb().execute(
        sql`select table_name as "table", column_name as "column" from information_schema.columns
            where table_schema = 'public' and table_name in (select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE')
            order by table_name, ordinal_position`,
      ),
    );
    const byTable = new Map<string, string[]>();
    for (const { table, column } of columns) {
      if (attemptLogTables.has(table) || usageColumns[table]?.includes(column)) continue;
      byTable.set(table, [...(byTable.get(table) ?? []), `t."${column}"`]);
    }
    if (byTable.size === 0) throw new Error("No tables found to fingerprint");
    fingerprintSql = `select ${[...byTable]
      .map(([table, cols]) => `(select md5(coalesce(string_agg(row(${cols.join(", ")})::text, '|' order by row(${cols.join(", ")})::text), '')) from "${table}" t) as "${table}"`)
      .join(", ")}`;
  }
  return rowsOf<Record<string, string>>(await testDb().execute(sql.raw(fingerprintSql)))[0]!;
}

/** The tables whose fingerprint differs. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(before).filter((name) => before[name] !== after[name]);

/**
 * Starts watching every table but the attempt logs, and returns a check that
 * names the tables changed since its last call. Most bad input is refused
 * before any statement runs, and hashing every row of every table after each
 * of thousands of calls was most of the suite's time: a statement trigger on
 * each table bumps a sequence (outside the transaction, so a rolled-back write
 * bumps it too), and the fingerprint is taken again only when it has moved.
 */
export async function watchTables(): Promise<() => Promise<string[]>> {
  const db = testDb();
  const tables = rowsOf<{ table: string }>(
    await db.execute(sql`select table_name as "table" from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`),
  ).filter(({ table }) => !attemptLogTables.has(table));
  await db.execute(sql.raw(`create sequence if not exists fuzz_writes`));
  await db.execute(
    sql.raw(`create or replace function fuzz_note_write() returns trigger language plpgsql as $$ begin perform nextval('fuzz_writes'); return null; end $$`),
  );
  for (const { table } of tables) {
    await db.execute(
      sql.raw(`create or replace trigger fuzz_note_write after insert or update or delete or truncate on "${table}" for each statement execute function fuzz_note_write()`),
    );
  }
  const writes = async () => rowsOf<{ n: string }>(await db.execute(sql.raw(`select nextval('fuzz_writes')::text as n`)))[0]!.n;
  // Each reading draws a number too, so "nothing written" is exactly one more than the last reading.
  let lastReading = BigInt(await writes());
  let lastFingerprint = await fingerprint();
  return async () => {
    const reading = BigInt(await writes());
    const written = reading !== lastReading + 1n;
    lastReading = reading;
    if (!written) return [];
    const now = await fingerprint();
    const changed = changedTables(lastFingerprint, now);
    lastFingerprint = now;
    return changed;
  };
}

const long = "x".repeat(100_000);

/** Values that are wrong for any field: control characters, 100 kB, wrong types, huge arrays. */
export const badValues: [string, unknown][] = [
  ["NUL", "\u0000"],
  ["control and invisible characters", "a\u0000b\u0007c\u001b[31m\u202e\u200b\u0085"],
  ["100 kB string", long],
  ["number", 123_456_789],
  ["negative fraction", -1.5],
  ["huge number", 1e308],
  ["boolean", true],
  ["null", null],
  ["empty array", []],
  ["huge array", Array.from({ length: 10_000 }, () => "\u0000")],
  ["object", { $ne: null, nested: { deeper: "\u0000" } }],
];

/** Every field name the schemas use, so one object reaches every action's fields. */
export const fieldNames = [
  ...["courseId", "moduleId", "lessonId", "taskId", "questionId", "attemptId", "submissionId", "threadId", "postId", "announcementId"],
  ...["userId", "tokenId", "fileId", "toModuleId", "id", "moduleIds", "lessonIds", "questionIds", "fileIds", "choiceIds"],
  ...["title", "body", "text", "name", "email", "username", "displayName", "password", "confirmPassword", "description"],
  ...["learningObjectives", "prerequisites", "subject", "visibility", "enrollmentKey", "contentType", "externalUrl", "durationMinutes"],
  ...["direction", "toIndex", "publish", "pinned", "locked", "following", "active", "role", "gradeLevel", "confirmUsername", "token"],
  ...["lifetime", "points", "feedback", "release", "revision", "response", "preferences", "digest", "type", "instructions", "dueAt"],
  ...["maxPoints", "textEntry", "allowedFileTypes", "maxFiles", "maxFileSizeMb", "acceptLate", "latePenaltyType", "latePenaltyPercent"],
  ...["timeLimitMinutes", "unlimitedAttempts", "attemptsAllowed", "gradingMethod", "shuffleQuestions", "shuffleChoices", "partialCredit"],
  ...["reviewPolicy", "explanation", "choices", "acceptedAnswers", "numericValue", "numericTolerance", "source", "callbackUrl"],
];

/** Real ids of the world, by the field or path parameter names that carry them. */
export function realIds(world: ApiWorld): Record<string, string> {
  return {
    courseId: world.course.id,
    moduleId: world.course.moduleIds[0]!,
    toModuleId: world.course.moduleIds[1]!,
    lessonId: world.course.lessonIds[0]!,
    taskId: world.course.quiz.taskId,
    questionId: world.course.quiz.questionIds[0]!,
    userId: world.otherStudent.id,
    slug: world.course.slug,
  };
}

/** An object with every field set to `value`, and the real ids in place when given. */
export function everyField(value: unknown, ids: Record<string, string> = {}): Record<string, unknown> {
  return { ...Object.fromEntries(fieldNames.map((name) => [name, value])), ...ids };
}

/** Unknown fields, including the names prototype pollution tries. */
export const unknownFields = () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "unknownField": "\\u0000", "isAdmin": true}') as Record<string, unknown>;

/** A redirect or not-found thrown by Next.js on purpose (a successful sign-in, say), not an error. */
export function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}

export const serverFailure = /something went wrong on our side/i;
