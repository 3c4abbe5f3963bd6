import { InlineMarkdown } from "@/components/content/markdown";
import { problemTypes, problemTypeUri, type ProblemType } from "@/lib/api/problem";
import { inlineCode } from "./styles";

// What each problem `type` means and what to do about it. Every problem's
// `type` URI points at one of these sections by its anchor.
const explanations = {
  invalid: "A query parameter or body field is not valid. `errors` names each field with what is wrong, in the words the site's forms use. Fix those fields and send again.",
  malformed: "The body is not valid JSON. Check the quoting and commas, and that the body is UTF-8.",
  unauthenticated:
    "No valid credentials: no token or sign-in was sent, or the token is mistyped, revoked or expired, or its account was deactivated. A bad token is never ignored in favour of a cookie. The `WWW-Authenticate` header says `Bearer`.",
  forbidden: "You are signed in, but your role may never do this (a teacher enrolling in a course, for example). Sending it again will not help.",
  locked:
    "The module, lesson or task is not released to you yet: its release conditions (a date, days after you enrolled, another item completed, a minimum score) are not all met. `lockedReasons` lists the unmet conditions, each with a `message`; `lockedSummary` words them; `opensAt` says when it opens when only time stands in the way. Try again once the conditions are met.",
  not_found:
    "Nothing is at this address for you: the record does not exist, or it is not yours to see. The two read the same on purpose, so that nobody can find out which records exist. A malformed id is not found too.",
  method_not_allowed: "This address does not take that method; the endpoint list below says which it takes.",
  conflict:
    "A rule of the domain refuses the request in the current state of things: the course is not open for enrolment, the attempt is already submitted, and so on. `detail` says which rule, in plain words.",
  idempotency_conflict:
    "This `Idempotency-Key` was already used with a different request (another body or address). Use a new key for each new action; reuse a key only to retry exactly the same request.",
  unsupported_media_type:
    "The body's type is not one this endpoint takes: JSON endpoints want `Content-Type: application/json`; upload endpoints name the files they take (a course package must be a zip, a question file GIFT, Aiken, Moodle XML or QTI), and the detail says which.",
  too_large: "The body is larger than this API reads. Send less at once.",
  rate_limited:
    "Too many requests in the current minute, from this token (or signed-in user) or from this address. Wait for the number of seconds in the `Retry-After` header, then go on.",
  server_error:
    "Something failed on the server. Nothing you sent is to blame; try again later. `detail` carries a reference that the site's operators can find in their logs.",
} satisfies Record<ProblemType, string>;

/** The anchor a problem type's URI points at, e.g. "problem-not-found". */
export const problemAnchor = (type: ProblemType) => problemTypeUri(type).split("#")[1]!;

export function ProblemTypeList() {
  return (
    <dl className="flex flex-col gap-4">
      {(Object.keys(problemTypes) as ProblemType[]).map((type) => (
        <div key={type} id={problemAnchor(type)} className="scroll-mt-4 rounded-card border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="font-semibold">
            <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm">{problemTypes[type].status}</span>
            {problemTypes[type].title}
            <code className="mt-1 block break-all font-mono text-xs font-normal text-ink-muted">{problemTypeUri(type)}</code>
          </dt>
          <dd className="mt-2 text-sm leading-6">
            <InlineMarkdown source={explanations[type]} className={inlineCode} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
