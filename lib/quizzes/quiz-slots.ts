import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { questionCategories, quizQuestions, quizSlots } from "@/db/schema";
import { rowsOf } from "@/lib/db/rows";
import type { ResolvedSlot } from "./taking/draw-questions";

export interface SlotRow {
  id: string;
  entryId: string | null;
  categoryId: string | null;
  categoryName: string | null;
  includeSubcategories: boolean;
  tag: string | null;
  drawCount: number;
  points: number | null;
  /** Chosen slot: its current version (null if the bank question was deleted since). */
  questionId: string | null;
  questionPoints: number | null;
}

/** The quiz's slots in order, a chosen one with its current version. One statement. */
export async function loadSlotRows(db: DbOrTx, taskId: string): Promise<SlotRow[]> {
  return db
    .select({
      id: quizSlots.id,
      entryId: quizSlots.entryId,
      categoryId: quizSlots.categoryId,
      categoryName: questionCategories.name,
      includeSubcategories: quizSlots.includeSubcategories,
      tag: quizSlots.tag,
      drawCount: quizSlots.drawCount,
      points: quizSlots.points,
      questionId: quizQuestions.id,
      questionPoints: quizQuestions.points,
    })
    .from(quizSlots)
    .leftJoin(quizQuestions, sql`${quizQuestions.entryId} = ${quizSlots.entryId} AND ${quizQuestions.isCurrent}`)
    .leftJoin(questionCategories, eq(questionCategories.id, quizSlots.categoryId))
    .where(eq(quizSlots.taskId, taskId))
    .orderBy(asc(quizSlots.position), asc(quizSlots.createdAt), asc(quizSlots.id));
}

/** How a random slot reads in the builder and in messages: "3 questions from Kinematics (and subcategories), tagged easy". */
export function randomSlotLabel(slot: Pick<SlotRow, "drawCount" | "categoryName" | "includeSubcategories" | "tag">): string {
  const from = slot.categoryName === null ? "the whole question bank" : `category ${slot.categoryName}${slot.includeSubcategories ? " and its subcategories" : ""}`;
  return `${slot.drawCount} random question${slot.drawCount === 1 ? "" : "s"} from ${from}${slot.tag ? `, tagged “${slot.tag}”` : ""}`;
}

/**
 * Each random slot's pool: the current versions of the course's bank
 * questions in its category (and subcategories when asked; any category when
 * it names none) carrying its tag. One statement for all the quiz's slots.
 */
export async function loadRandomPools(db: DbOrTx, courseId: string, slots: readonly SlotRow[]): Promise<Map<string, { entryId: string; questionId: string }[]>> {
  const random = slots.filter((slot) => slot.entryId === null);
  const pools = new Map(random.map((slot) => [slot.id, [] as { entryId: string; questionId: string }[]]));
  if (random.length === 0) return pools;
  const values = sql.join(
    random.map((slot) => sql`(${slot.id}::uuid, ${slot.categoryId}::uuid, ${slot.includeSubcategories}::boolean, ${slot.tag}::text)`),
    sql`, `,
  );
  const result = await db.execute(sql`
    WITH RECURSIVE slot(slot_id, category_id, include_sub, tag) AS (VALUES ${values}),
    tree(slot_id, category_id) AS (
      SELECT slot_id, category_id FROM slot WHERE category_id IS NOT NULL
      UNION
      SELECT t.slot_id, c.id FROM tree t
      JOIN slot s ON s.slot_id = t.slot_id AND s.include_sub
      JOIN question_categories c ON c.parent_id = t.category_id
    )
    SELECT s.slot_id, e.id AS entry_id, q.id AS question_id
    FROM slot s
    JOIN question_bank_entries e ON e.course_id = ${courseId} AND e.deleted_at IS NULL
      AND (s.category_id IS NULL OR e.category_id IN (SELECT t.category_id FROM tree t WHERE t.slot_id = s.slot_id))
      AND (s.tag IS NULL OR s.tag = ANY (e.tags))
    JOIN quiz_questions q ON q.entry_id = e.id AND q.is_current
    ORDER BY e.created_at, e.id`);
  for (const row of rowsOf<{ slot_id: string; entry_id: string; question_id: string }>(result)) {
    pools.get(row.slot_id)?.push({ entryId: row.entry_id, questionId: row.question_id });
  }
  return pools;
}

/** The slots ready for a draw: chosen ones with their current version, random ones with their pool. */
export function resolveSlots(rows: readonly SlotRow[], pools: ReadonlyMap<string, { entryId: string; questionId: string }[]>): ResolvedSlot[] {
  return rows.flatMap((row): ResolvedSlot[] => {
    if (row.entryId !== null) {
      return row.questionId === null ? [] : [{ kind: "question", slotId: row.id, entryId: row.entryId, questionId: row.questionId, points: row.questionPoints ?? 1 }];
    }
    return [{ kind: "random", slotId: row.id, drawCount: row.drawCount, points: row.points ?? 1, label: randomSlotLabel(row), candidates: pools.get(row.id) ?? [] }];
  });
}

/** Slots resolved for a quiz: two statements. */
export async function loadResolvedSlots(db: DbOrTx, courseId: string, taskId: string): Promise<{ rows: SlotRow[]; slots: ResolvedSlot[] }> {
  const rows = await loadSlotRows(db, taskId);
  const pools = await loadRandomPools(db, courseId, rows);
  return { rows, slots: resolveSlots(rows, pools) };
}
