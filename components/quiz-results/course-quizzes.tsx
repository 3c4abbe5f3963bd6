import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableContainer } from "@/components/ui/table-container";
import type { CourseQuizRow } from "@/lib/quizzes/results-queries";
import { percentOrDash } from "./format";

/** The course editor's list of quizzes, each with its attempts, average and a link to its results. */
export function CourseQuizzes({ courseId, quizzes }: { courseId: string; quizzes: CourseQuizRow[] }) {
  return (
    <section aria-labelledby="course-quizzes" className="flex flex-col gap-3">
      <h2 id="course-quizzes" className="text-lg font-semibold">
        Quizzes
      </h2>
      {quizzes.length === 0 ? (
        <p className="text-ink-muted">This course has no quiz yet.</p>
      ) : (
        <TableContainer label="Quizzes of this course">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Quiz</th>
                <th scope="col" className="px-4 py-3 font-semibold">Status</th>
                <th scope="col" className="px-4 py-3 font-semibold">Questions</th>
                <th scope="col" className="px-4 py-3 font-semibold">Attempts</th>
                <th scope="col" className="px-4 py-3 font-semibold">Students</th>
                <th scope="col" className="px-4 py-3 font-semibold">Average</th>
              </tr>
            </thead>
            <tbody>
              {quizzes.map((quiz) => (
                <tr key={quiz.taskId} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-4 py-3 font-medium">
                    {quiz.title}
                    <Link
                      href={`/teacher/courses/${courseId}/quizzes/${quiz.taskId}/results`}
                      className="block text-sm font-medium text-brand-700 underline"
                    >
                      Results<span className="sr-only"> of {quiz.title}</span>
                    </Link>
                  </th>
                  <td className="px-4 py-3">
                    <StatusBadge status={quiz.status} />
                  </td>
                  <td className="px-4 py-3">{quiz.questionCount}</td>
                  <td className="px-4 py-3">{quiz.attempts}</td>
                  <td className="px-4 py-3">{quiz.students}</td>
                  <td className="px-4 py-3">{percentOrDash(quiz.averagePercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
    </section>
  );
}
