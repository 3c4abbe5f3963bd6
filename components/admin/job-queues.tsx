import { LocalTime } from "@/components/ui/local-time";
import { TableContainer } from "@/components/ui/table-container";
import type { ProblemJob, QueueSummary } from "@/lib/worker/job-queries";
import { RetryJobButton } from "./retry-job-button";

const cell = "px-4 py-3";
const head = "px-4 py-3 font-semibold";

/** The background job queues: how many jobs wait, run, failed and were dead-lettered, and the jobs that went wrong. */
export function JobQueues({ summaries, problems }: { summaries: QueueSummary[]; problems: ProblemJob[] }) {
  return (
    <section aria-labelledby="job-queues" className="flex flex-col gap-4">
      <div>
        <h2 id="job-queues" className="text-xl font-semibold">
          Background jobs
        </h2>
        <p className="text-sm text-ink-muted">
          Each queue retries a failed job with growing waits; a job that fails its last try stays in its queue as failed and a copy goes to
          the queue&apos;s dead-letter queue, where it waits for Retry.
        </p>
      </div>
      <TableContainer label="Job queues">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
            <tr>
              <th scope="col" className={head}>Queue</th>
              <th scope="col" className={head}>Queued</th>
              <th scope="col" className={head}>Active</th>
              <th scope="col" className={head}>Failed</th>
              <th scope="col" className={head}>Dead-lettered</th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((queue) => (
              <tr key={queue.name} className="border-b border-slate-100 last:border-0">
                <th scope="row" className={`${cell} font-mono font-medium`}>
                  {queue.name}
                </th>
                <td className={cell}>
                  {queue.queued}
                  {queue.retrying > 0 ? <span className="text-ink-muted"> ({queue.retrying} retrying)</span> : null}
                </td>
                <td className={cell}>{queue.active}</td>
                <td className={`${cell} ${queue.failed > 0 ? "font-semibold text-danger-700" : ""}`}>{queue.failed}</td>
                <td className={`${cell} ${queue.deadLettered > 0 ? "font-semibold text-danger-700" : ""}`}>{queue.deadLettered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>

      {problems.length === 0 ? (
        <p className="text-ink-muted">No job is retrying or dead-lettered.</p>
      ) : (
        <TableContainer label="Jobs retrying or dead-lettered">
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
              <tr>
                <th scope="col" className={head}>Queue</th>
                <th scope="col" className={head}>State</th>
                <th scope="col" className={head}>Tries</th>
                <th scope="col" className={head}>Error</th>
                <th scope="col" className={head}>When</th>
                <th scope="col" className={head}>Action</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((job) => (
                <tr key={`${job.queue}/${job.id}`} className="border-b border-slate-100 align-top last:border-0">
                  <th scope="row" className={`${cell} font-mono font-medium`}>
                    {job.origin}
                  </th>
                  <td className={cell}>{job.state === "dead-lettered" ? "Dead-lettered" : "Retrying"}</td>
                  <td className={cell}>{job.tries}</td>
                  <td className={`max-w-xs ${cell} break-words text-ink-muted`}>{job.error ?? "—"}</td>
                  <td className={cell}>
                    {job.state === "retry" ? "next try " : "failed "}
                    <LocalTime value={job.at} />
                  </td>
                  <td className={cell}>
                    {job.state === "dead-lettered" ? <RetryJobButton queue={job.queue} id={job.id} label={`the ${job.origin} job`} /> : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
    </section>
  );
}
