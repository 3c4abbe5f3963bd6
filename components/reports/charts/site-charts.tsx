import { formatPercent } from "@/lib/format";
import type { SiteCharts } from "@/lib/reports/site-charts";
import { ChartFigure, ChartTable } from "./chart-figure";
import { CompletionFunnelChart } from "./completion-funnel-chart";
import { QuizAverageChart } from "./quiz-average-chart";
import { WeeklyEnrollmentsChart } from "./weekly-enrollments-chart";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The report's three charts, each with a spoken summary and its data as a table. */
export function SiteChartsSection({ charts }: { charts: SiteCharts }) {
  const totalWeekly = charts.weekly.reduce((sum, week) => sum + week.enrollments, 0);
  const busiest = charts.weekly.reduce<(typeof charts.weekly)[number] | null>((best, week) => (!best || week.enrollments > best.enrollments ? week : best), null);
  const quizCourses = charts.courses.flatMap((course) => (course.quizAverage === null ? [] : [{ title: course.title, quizAverage: course.quizAverage }]));
  return (
    <section aria-labelledby="report-charts" className="flex flex-col gap-4">
      <h2 id="report-charts" className="text-lg font-semibold">
        Charts
      </h2>
      <p className="text-sm text-ink-muted">The charts show the enrolments that match the filters.</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartFigure
          id="chart-weekly"
          title="Enrolments per week"
          summary={
            charts.weekly.length === 0
              ? "No weeks in the chosen date range."
              : `${plural(totalWeekly, "enrolment", "enrolments")} over ${plural(charts.weekly.length, "week", "weeks")} from ${charts.weekly[0]!.week}` +
                (busiest && busiest.enrollments > 0 ? `; the busiest week began ${busiest.week} with ${busiest.enrollments}.` : ".")
          }
          chart={<WeeklyEnrollmentsChart weeks={charts.weekly} />}
          table={
            <ChartTable
              caption="Enrolments per week"
              headers={["Week of", "Enrolments"]}
              rows={charts.weekly.map((week) => [week.week, week.enrollments])}
            />
          }
        />
        <ChartFigure
          id="chart-quiz"
          title="Average quiz score per course"
          summary={
            quizCourses.length === 0
              ? "No graded quiz among the matching enrolments."
              : `Quiz averages of ${plural(quizCourses.length, "course", "courses")}, from ${formatPercent(Math.min(...quizCourses.map((c) => c.quizAverage)))} to ${formatPercent(Math.max(...quizCourses.map((c) => c.quizAverage)))}.`
          }
          chart={quizCourses.length === 0 ? <p className="text-sm text-ink-muted">No graded quiz yet.</p> : <QuizAverageChart courses={quizCourses} />}
          table={
            <ChartTable
              caption="Average quiz score per course"
              headers={["Course", "Quiz average"]}
              rows={charts.courses.map((course) => [course.title, course.quizAverage === null ? "—" : formatPercent(course.quizAverage)])}
            />
          }
        />
      </div>
      <ChartFigure
        id="chart-funnel"
        title="Completion funnel per course"
        summary={
          charts.courses.length === 0
            ? "No enrolment matches the filters."
            : `For the ${plural(charts.courses.length, "course", "courses")} with the most matching enrolments: how many enrolled, started, reached halfway and completed.`
        }
        chart={charts.courses.length === 0 ? <p className="text-sm text-ink-muted">No enrolment matches.</p> : <CompletionFunnelChart courses={charts.courses} />}
        table={
          <ChartTable
            caption="Completion funnel per course"
            headers={["Course", "Enrolled", "Started", "Halfway", "Completed"]}
            rows={charts.courses.map((course) => [course.title, course.enrolled, course.started, course.halfway, course.completed])}
          />
        }
      />
    </section>
  );
}
