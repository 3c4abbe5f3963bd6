import "server-only";
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import type { sectionTaskOverrides, taskOverrides } from "@/db/schema";
import { afterCursor, cursorColumn, orderByKeys, type SortKey } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/policy";
import { loadOverrideTask } from "./task-override-commands";

// How a task's overrides are read, whoever they are for: a student's
// (override-queries.ts) or a section's (section-override-queries.ts). Each
// row carries its target, by name, under `key` ("student", "section"); lists
// go by the target's name, then its id.

interface OverrideRowBase {
  id: string;
  dueAt: Date | null;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export type OverrideRowOf<K extends string> = OverrideRowBase & Record<K, { id: string; name: string }>;

type FlatRow = OverrideRowBase & { targetId: string; targetName: string };

interface OverrideSource {
  table: typeof taskOverrides | typeof sectionTaskOverrides;
  /** The target's table, how it joins the override, and its id and name. */
  target: PgTable;
  joinOn: SQL;
  targetId: PgColumn;
  targetName: PgColumn | SQL<string>;
}

/** A task's overrides for one kind of target: all of a task's, one keyset page of them, or one by id. */
export function overrideReads<K extends string>(key: K, source: OverrideSource) {
  const { table, targetId, targetName } = source;
  const columns = {
    id: table.id,
    targetId,
    targetName,
    dueAt: table.dueAt,
    timeLimitMinutes: table.timeLimitMinutes,
    attemptsAllowed: table.attemptsAllowed,
    createdAt: table.createdAt,
    updatedAt: table.updatedAt,
  };
  const keys: SortKey[] = [
    { expr: targetName, direction: "asc", cast: "text" },
    { expr: targetId, direction: "asc", cast: "uuid" },
  ];
  const toRow = ({ targetId: id, targetName: name, ...row }: FlatRow) => ({ ...row, [key]: { id, name } }) as OverrideRowOf<K>;
  // Drizzle cannot type a selection over either override table: the rows are read as the shape both share.
  const select = <C extends Record<string, unknown>>(db: DbOrTx, extra: C) =>
    db
      .select({ ...columns, ...extra } as typeof columns)
      .from(table)
      .innerJoin(source.target, source.joinOn);

  return {
    /** All of the task's overrides, by target name. One statement. */
    async ofTask(db: DbOrTx, taskId: string): Promise<OverrideRowOf<K>[]> {
      const rows = await select(db, {}).where(eq(table.taskId, taskId)).orderBy(asc(targetName), asc(targetId));
      return (rows as FlatRow[]).map(toRow);
    },

    /** One keyset page of a task's overrides; null when the task is not the actor's to override. Two statements. */
    async after(db: DbOrTx, actor: Actor, taskId: string, params: { cursor?: string; limit: number }) {
      const task = await loadOverrideTask(db, actor, taskId);
      if (!task) return null;
      const rows = await select(db, { cursor: cursorColumn(keys) })
        .where(and(eq(table.taskId, task.id), afterCursor(keys, params.cursor)))
        .orderBy(...orderByKeys(keys))
        .limit(params.limit + 1);
      return (rows as (FlatRow & { cursor: string[] })[]).map(({ cursor, ...row }) => ({ ...toRow(row), cursor }));
    },

    /** One override with its target, for the API's answer after a save. One statement. */
    async byId(db: DbOrTx, overrideId: string): Promise<OverrideRowOf<K> | null> {
      const [row] = await select(db, {}).where(eq(table.id, overrideId));
      return row ? toRow(row as FlatRow) : null;
    },
  };
}
