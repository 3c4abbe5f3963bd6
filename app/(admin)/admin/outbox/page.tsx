import type { Metadata } from "next";
import Link from "next/link";
import { JobQueues } from "@/components/admin/job-queues";
import { deliveryStatusLabels, DeliveryStatus } from "@/components/email/delivery-status";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { Pager } from "@/components/ui/pager";
import { SelectField } from "@/components/ui/select-field";
import { TableContainer } from "@/components/ui/table-container";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { outboxDir, smtpUrl } from "@/lib/email/config";
import { accountMailLabel } from "@/lib/email/account-mail";
import { isEmlFileName } from "@/lib/email/outbox-file";
import { isOutboxStatus, listOutbox, outboxStatuses } from "@/lib/email/outbox-queries";
import { notificationTypes } from "@/lib/notifications/types";
import { pageParam } from "@/lib/pagination";
import { listProblemJobs, listQueueSummaries } from "@/lib/worker/job-queries";

export const metadata: Metadata = { title: "Outbox" };

const typeLabel = (type: string) => notificationTypes.find((t) => t.type === type)?.label ?? accountMailLabel(type) ?? type;

/** The mail server's host, never its credentials. */
function smtpHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the configured server";
  }
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const user = await requireArea("area.admin", "/admin/outbox");
  const params = await searchParams;
  const status = isOutboxStatus(params.status) ? params.status : undefined;
  const page = pageParam(params.page);
  const [outbox, summaries, problems] = await Promise.all([
    listOutbox(db, user, { status, page }),
    listQueueSummaries(db, user),
    listProblemJobs(db, user),
  ]);
  if (!outbox || !summaries || !problems) return null;
  const smtp = smtpUrl();
  const hrefFor = (target: number) => `/admin/outbox?${new URLSearchParams({ ...(status ? { status } : {}), page: String(target) })}`;

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">Outbox</h1>
        <p className="text-ink-muted">The background job queues, and every email the site has queued, sent or given up on, newest first.</p>
      </header>

      <JobQueues summaries={summaries} problems={problems} />

      <h2 className="text-xl font-semibold">Email</h2>

      <p className="rounded-card border border-slate-200 bg-white p-4 text-sm shadow-sm">
        {smtp ? (
          <>Mail is sent through the mail server at {smtpHost(smtp)} (SMTP_URL).</>
        ) : (
          <>
            No mail server is configured (set <code className="font-mono">SMTP_URL</code> to send real email). Mail is written as .eml files
            under <code className="break-all font-mono">{outboxDir()}</code>; open a sent one below to see exactly what would be sent.
          </>
        )}
      </p>

      <form method="get" className="flex flex-wrap items-end gap-3">
        <SelectField
          label="Status"
          name="status"
          defaultValue={status ?? ""}
          options={[{ value: "", label: "All" }, ...outboxStatuses.map((value) => ({ value, label: deliveryStatusLabels[value]! }))]}
        />
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>

      {outbox.items.length === 0 ? (
        <p className="text-ink-muted">{status ? "No email with this status." : "No email yet."}</p>
      ) : (
        <TableContainer label="Email deliveries">
          <table className="w-full min-w-[60rem] text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Email</th>
                <th scope="col" className="px-4 py-3 font-semibold">Recipient</th>
                <th scope="col" className="px-4 py-3 font-semibold">Status</th>
                <th scope="col" className="px-4 py-3 font-semibold">Attempts</th>
                <th scope="col" className="px-4 py-3 font-semibold">Last error</th>
                <th scope="col" className="px-4 py-3 font-semibold">Sent</th>
                <th scope="col" className="px-4 py-3 font-semibold">Message</th>
              </tr>
            </thead>
            <tbody>
              {outbox.items.map((row) => (
                <tr key={row.id} className="border-b border-slate-100 align-top last:border-0">
                  <th scope="row" className="px-4 py-3 font-medium">
                    {row.title}
                    <span className="block text-xs font-normal text-ink-muted">{typeLabel(row.type)}</span>
                  </th>
                  <td className="px-4 py-3 break-all">{row.recipient}</td>
                  <td className="px-4 py-3">
                    <DeliveryStatus status={row.status} />
                  </td>
                  <td className="px-4 py-3">{row.attempts}</td>
                  <td className="max-w-xs px-4 py-3 break-words text-ink-muted">{row.lastError ?? "—"}</td>
                  <td className="px-4 py-3">{row.sentAt ? <LocalTime value={row.sentAt} /> : "—"}</td>
                  <td className="px-4 py-3">
                    {!smtp && row.status === "sent" && row.messageId && isEmlFileName(row.messageId) ? (
                      <span className="flex gap-3">
                        <a href={`/admin/outbox/${row.messageId}`} className="font-medium text-brand-700 underline">
                          View<span className="sr-only"> the email to {row.recipient}</span>
                        </a>
                        <a href={`/admin/outbox/${row.messageId}?download=1`} download className="font-medium text-brand-700 underline">
                          Download<span className="sr-only"> the email to {row.recipient}</span>
                        </a>
                      </span>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}

      <Pager page={outbox.page} pageCount={outbox.pageCount} hrefFor={hrefFor} label="Outbox pages" />
      <p>
        <Link href="/admin" className="text-sm font-medium text-brand-700 underline">
          Back to administration
        </Link>
      </p>
    </div>
  );
}
