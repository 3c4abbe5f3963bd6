import "server-only";
import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { csvRow } from "@/lib/csv/escape-cell";
import { assembleStudents, loadCells, studentsOfCourse, type GradebookTask } from "./gradebook-queries";

/** Students read per batch: memory stays flat however large the course. */
export const csvBatchSize = 500;

const header = (tasks: GradebookTask[]) =>
  csvRow([
    "Student",
    "Email",
    "Enrolment",
    ...tasks.map((task) => (task.maxPoints ? `${task.title} (/${task.maxPoints})` : task.title)),
    "Points",
    "Possible",
    "Percent",
    "Late hand-ins",
  ]);

/**
 * The gradebook as CSV lines, produced batch by batch (keyset paging by name
 * and id), so an export of thousands of students never holds them all.
 * `scope` limits the students (gradebookStudents). Two statements per batch. Cells are formula-safe (see escape-cell.ts).
 */
export async function* gradebookCsvLines(db: DbOrTx, courseId: string, tasks: GradebookTask[], scope?: SQL): AsyncGenerator<string> {
  yield `\uFEFF${header(tasks)}`;
  let after: { name: string; id: string } | undefined;
  for (;;) {
    const batch = await studentsOfCourse(db, courseId, { after, limit: csvBatchSize, scope });
    if (batch.length === 0) return;
    const cells = await loadCells(
      db,
      batch.map((student) => student.userId),
      tasks.map((task) => task.id),
    );
    for (const student of assembleStudents(batch, tasks, cells)) {
      const late = Object.values(student.cells).filter((cell) => cell.isLate).length;
      yield csvRow([
        student.name,
        student.email,
        student.enrollmentStatus,
        ...tasks.map((task) => student.cells[task.id]?.points ?? ""),
        student.earned,
        student.possible,
        student.percent,
        late,
      ]);
    }
    if (batch.length < csvBatchSize) return;
    const last = batch.at(-1)!;
    after = { name: last.name, id: last.userId };
  }
}

/** A streamed HTTP body from the lines. */
export function streamLines(lines: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await lines.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}
