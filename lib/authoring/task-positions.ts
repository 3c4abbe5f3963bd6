import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { learningTasks } from "@/db/schema";

// A module's tasks (quizzes, assignments) are listed after its lessons, in
// their own positions 0, 1, 2… Adding or moving one puts it at the end;
// taking one out closes the gap.

/** The next free position among a module's tasks, as SQL for an INSERT or UPDATE. */
export const nextTaskPosition = (moduleId: string) =>
  sql`(SELECT count(*)::int FROM ${learningTasks} WHERE ${learningTasks.moduleId} = ${moduleId})`;

/** Positions 0..n-1 for a module's tasks, in their current order, in one statement. */
export async function renumberModuleTasks(tx: DbOrTx, moduleId: string): Promise<void> {
  await tx.execute(sql`
    UPDATE learning_tasks AS t SET position = v.position
    FROM (
      SELECT id, (row_number() OVER (ORDER BY position, created_at, id) - 1)::int AS position
      FROM learning_tasks WHERE module_id = ${moduleId}
    ) AS v
    WHERE t.id = v.id AND t.position <> v.position`);
}
