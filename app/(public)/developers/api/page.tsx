import type { Metadata } from "next";
import Link from "next/link";
import { OperationSection } from "@/components/api-docs/operation-section";
import { ProblemTypeList } from "@/components/api-docs/problem-types";
import { codeBlock } from "@/components/api-docs/styles";
import { idempotencyKeyLifetimeMs } from "@/lib/api/idempotency";
import { maxBodyBytes } from "@/lib/api/limits";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { operationsByTag } from "@/lib/api/openapi-view";
import { defaultPageSize, maxPageSize } from "@/lib/api/pagination";
import { problemOf } from "@/lib/api/problem";
import { rateLimits, rateLimitWindowSeconds } from "@/lib/api/rate-limit";
import { absoluteUrl, siteName } from "@/lib/site/config";

export const metadata: Metadata = { title: "API documentation" };

const link = "font-medium text-brand-700 underline";
const code = "rounded bg-slate-100 px-1 font-mono text-[0.9em] [overflow-wrap:anywhere]";

// The REST API for people: the conventions, then every endpoint of the
// OpenAPI document (the same document /api/v1/openapi.json serves).
export default function ApiDocumentationPage() {
  const document = buildOpenApiDocument();
  const tags = operationsByTag(document);
  const limits = rateLimits();
  const baseUrl = absoluteUrl("/api/v1");
  const exampleProblem = problemOf("not_found", "This course does not exist.", { instance: "/api/v1/courses/3f2a…" });

  return (
    <div className="mx-auto flex max-w-4xl min-w-0 flex-col gap-10">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">{siteName()} API</h1>
        <p className="text-lg text-ink-muted">
          Everything you do in the browser, from your own scripts and apps, with the same rules: courses, enrolments, lessons,
          quizzes, assignments, notifications and progress.
        </p>
        <p>
          The machine-readable contract is the{" "}
          <a href="/api/v1/openapi.json" className={link}>
            OpenAPI 3.1 document
          </a>{" "}
          (version {document.info.version}); this page shows the same document.
        </p>
      </header>

      <nav aria-labelledby="contents-heading" className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="contents-heading" className="mb-2 font-semibold">
          Contents
        </h2>
        <ul className="grid gap-1 sm:grid-cols-2">
          <li>
            <a href="#getting-started" className={link}>Getting started</a>
          </li>
          <li>
            <a href="#errors" className={link}>Errors</a>
          </li>
          {tags.map((tag) => (
            <li key={tag.anchor}>
              <a href={`#${tag.anchor}`} className={link}>
                {tag.name}
              </a>{" "}
              <span className="text-sm text-ink-muted">({tag.operations.length})</span>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="getting-started" className="flex flex-col gap-6">
        <h2 id="getting-started" className="scroll-mt-4 text-2xl font-semibold">
          Getting started
        </h2>

        <div className="flex flex-col gap-2">
          <h3 className="text-lg font-semibold">Authentication</h3>
          <p>
            Send a personal access token in the <code className={code}>Authorization</code> header of every request. Create one under{" "}
            <Link href="/settings/api-tokens" className={link}>
              Settings → API tokens
            </Link>{" "}
            when you are signed in; it is shown once, so copy it then. A token acts as you, with your role&apos;s permissions,
            until it expires or you revoke it. In the browser, the sign-in cookie works too.
          </p>
          <pre className={codeBlock}>
            <code>{`curl -H "Authorization: Bearer jva_…" ${baseUrl}/me`}</code>
          </pre>
          <p>
            A missing, mistyped, expired or revoked token is answered with <code className={code}>401</code>. Some endpoints are
            public: without a token they answer what a guest may see.
          </p>
        </div>

        <div className="flex flex-col gap-2">
          <h3 className="text-lg font-semibold">Base URL and format</h3>
          <p>
            Every path below starts at <code className={code}>{baseUrl}</code>. Requests and answers are JSON (UTF-8); send a body
            with <code className={code}>Content-Type: application/json</code>, at most {Math.round(maxBodyBytes / 1024)} KiB. Times
            are ISO 8601 with a time zone. Ids are UUIDs, except notifications&apos; whole numbers.
          </p>
        </div>

        <div className="flex flex-col gap-2">
          <h3 className="text-lg font-semibold">Pagination</h3>
          <p>
            A list answers one page: <code className={code}>{`{ "data": [...], "next": "/api/v1/...?cursor=..." }`}</code>. Follow{" "}
            <code className={code}>next</code> until it is <code className={code}>null</code>. <code className={code}>limit</code>{" "}
            sets the page size (1 to {maxPageSize}, default {defaultPageSize}). The cursor marks where the page ended, so rows added
            meanwhile never shift a page or repeat a row; treat it as opaque.
          </p>
        </div>

        <div className="flex flex-col gap-2">
          <h3 className="text-lg font-semibold">Retrying safely: Idempotency-Key</h3>
          <p>
            Creating requests (enrolling, starting a quiz attempt, handing in work) accept an{" "}
            <code className={code}>Idempotency-Key</code> header with a unique value, such as a UUID, per intended action. Sending
            the same request again with the same key acts once and answers as the first time, with{" "}
            <code className={code}>Idempotent-Replayed: true</code>. Using the key for a different request is refused with{" "}
            <code className={code}>409</code>. Keys are kept {Math.round(idempotencyKeyLifetimeMs / 3_600_000)} hours.
          </p>
        </div>

        <div className="flex flex-col gap-2">
          <h3 className="text-lg font-semibold">Caching: ETag and If-None-Match</h3>
          <p>
            Every successful read carries an <code className={code}>ETag</code>. Send it back in{" "}
            <code className={code}>If-None-Match</code>: when nothing changed the answer is <code className={code}>304 Not Modified</code>{" "}
            with no body, and you keep what you have.
          </p>
        </div>

        <div className="flex flex-col gap-2">
          <h3 className="text-lg font-semibold">Rate limits</h3>
          <p>
            Each token (or signed-in user) may send {limits.perToken} requests per {rateLimitWindowSeconds} seconds, counted for it
            alone: students behind one school address do not share a limit. Requests without a valid token or sign-in are counted
            per address, {limits.perIp} per {rateLimitWindowSeconds} seconds. The <code className={code}>RateLimit-Limit</code>, <code className={code}>RateLimit-Remaining</code> and{" "}
            <code className={code}>RateLimit-Reset</code> headers say where you stand. Beyond the limit the answer is{" "}
            <code className={code}>429</code> with a <code className={code}>Retry-After</code> header: wait that many seconds.
          </p>
        </div>
      </section>

      <section aria-labelledby="errors" className="flex flex-col gap-4">
        <h2 id="errors" className="scroll-mt-4 text-2xl font-semibold">
          Errors
        </h2>
        <p>
          An error answers with an RFC 9457 problem document, <code className={code}>Content-Type: application/problem+json</code>.
          Its <code className={code}>type</code> links to the explanation below, <code className={code}>detail</code> says what
          happened to this request, and for invalid fields <code className={code}>errors</code> lists them by name:
        </p>
        <pre className={codeBlock}>
          <code>{JSON.stringify(exampleProblem, null, 2)}</code>
        </pre>
        <ProblemTypeList />
      </section>

      {tags.map((tag) => (
        <section key={tag.anchor} aria-labelledby={tag.anchor} className="flex flex-col gap-4">
          <h2 id={tag.anchor} className="scroll-mt-4 text-2xl font-semibold">
            {tag.name}
          </h2>
          {tag.operations.map((operation) => (
            <OperationSection key={operation.operationId} operation={operation} />
          ))}
        </section>
      ))}
    </div>
  );
}
