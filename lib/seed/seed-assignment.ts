import type { DbOrTx } from "@/db";
import { assignments, learningTasks } from "@/db/schema";
import { gradeSubmission } from "@/lib/assignments/grade-submission";
import { submitWork } from "@/lib/assignments/submit-work";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import type { DemoAssignment } from "./demo-assignments";

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Creates a published demo assignment in a module, then the demo students'
 * hand-ins and grades, through the same services as real ones (so versions,
 * task progress and course progress are what the app itself would write).
 */
export async function seedAssignment(
  tx: DbOrTx,
  demo: DemoAssignment,
  { courseId, moduleId, teacherId, idByEmail, now = new Date() }: { courseId: string; moduleId: string; teacherId: string; idByEmail: Map<string, string>; now?: Date },
) {
  const [task] = await tx
    .insert(learningTasks)
    .values({
      courseId,
      moduleId,
      type: "assignment",
      title: demo.title,
      status: "published",
      dueAt: new Date(now.getTime() + demo.dueInDays * dayMs),
      maxPoints: demo.maxPoints,
      position: 1,
    })
    .returning({ id: learningTasks.id });
  const taskId = task!.id;
  await tx.insert(assignments).values({
    taskId,
    instructions: demo.instructions,
    textEntry: demo.textEntry,
    allowedFileTypes: demo.allowedFileTypes,
    maxFiles: demo.maxFiles,
    acceptLate: demo.acceptLate,
    latePenaltyType: demo.latePenaltyType,
    latePenaltyPercent: demo.latePenaltyPercent,
  });
  // A published task is a required item: every enrolment's progress counts it from now on.
  await recomputeProgress(tx, { courseId });

  const teacher = { id: teacherId, role: "teacher" as const };
  for (const handIn of demo.handIns) {
    const userId = idByEmail.get(handIn.email);
    if (!userId) continue;
    const receipt = await submitWork(tx, { id: userId, role: "student" }, { taskId, text: handIn.text, fileIds: [] }, now);
    if (handIn.grade) {
      await gradeSubmission(tx, teacher, { submissionId: receipt.submissionId, revision: 1, points: handIn.grade.points, feedback: handIn.grade.feedback, release: true }, now);
    }
  }
  return taskId;
}
