import { InlineMarkdown, Markdown } from "@/components/content/markdown";
import { TableContainer } from "@/components/ui/table-container";
import type { OperationView } from "@/lib/api/openapi-view";
import { problemTypes, type ProblemType } from "@/lib/api/problem";
import { problemAnchor } from "./problem-types";
import { SchemaDetails } from "./schema-details";
import { inlineCode, methodStyles } from "./styles";

const problemTypesWithStatus = (status: number) =>
  (Object.keys(problemTypes) as ProblemType[]).filter((type) => problemTypes[type].status === status);

const th = "px-3 py-2 font-semibold";
const td = "px-3 py-2 align-top";

/** One endpoint: what it does, who may call it, what it takes and what it answers. */
export function OperationSection({ operation }: { operation: OperationView }) {
  const id = operation.operationId;
  const idempotent = operation.parameters.some((parameter) => parameter.name === "Idempotency-Key");
  return (
    <article
      id={id}
      aria-labelledby={`${id}-heading`}
      className="flex scroll-mt-4 flex-col gap-4 rounded-card border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <header className="flex flex-col gap-1">
        <h3 id={`${id}-heading`} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-lg font-semibold">
          <span className={`rounded px-2 py-0.5 font-mono text-sm font-bold ${methodStyles[operation.method] ?? "bg-slate-100"}`}>
            {operation.method}
          </span>{" "}
          <code className="min-w-0 font-mono text-base [overflow-wrap:anywhere]">{operation.path}</code>
        </h3>
        <p className="font-medium">{operation.summary}</p>
        <p className="text-sm text-ink-muted">
          Operation id <code className="font-mono">{id}</code>
        </p>
      </header>

      <Markdown source={operation.description} className={inlineCode} />

      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Who may call it</dt>
        <dd>
          {operation.public
            ? "Anyone, signed in or not; a token or sign-in may change what is visible."
            : "Signed-in users only: send a token (or the sign-in cookie)."}
        </dd>
        {idempotent ? (
          <>
            <dt className="font-semibold">Retries</dt>
            <dd>
              Send an <code className="font-mono">Idempotency-Key</code> header: a retry with the same key acts only once.
            </dd>
          </>
        ) : null}
      </dl>

      {operation.parameters.length > 0 ? (
        <section aria-labelledby={`${id}-parameters`} className="flex flex-col gap-2">
          <h4 id={`${id}-parameters`} className="font-semibold">
            Parameters
          </h4>
          <TableContainer label={`Parameters of ${operation.method} ${operation.path}`}>
            <table className="w-full min-w-[36rem] text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
                <tr>
                  <th scope="col" className={th}>Name</th>
                  <th scope="col" className={th}>In</th>
                  <th scope="col" className={th}>Type</th>
                  <th scope="col" className={th}>Description</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((parameter) => (
                  <tr key={`${parameter.in}:${parameter.name}`} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className={`${td} font-mono font-medium`}>
                      {parameter.name}
                      {parameter.required ? <span className="block font-sans text-xs font-normal text-danger-700">required</span> : null}
                    </th>
                    <td className={`${td} whitespace-nowrap`}>{parameter.in}</td>
                    <td className={td}>{parameter.type}</td>
                    <td className={td}>{parameter.description ? <InlineMarkdown source={parameter.description} className={inlineCode} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
        </section>
      ) : null}

      {operation.requestBody ? (
        <section aria-labelledby={`${id}-body`} className="flex flex-col gap-2">
          <h4 id={`${id}-body`} className="font-semibold">
            Request body
          </h4>
          <p className="text-sm">
            JSON, sent with <code className="font-mono">Content-Type: application/json</code>.
          </p>
          <SchemaDetails label="Request body schema" schema={operation.requestBody} />
        </section>
      ) : null}

      <section aria-labelledby={`${id}-responses`} className="flex flex-col gap-2">
        <h4 id={`${id}-responses`} className="font-semibold">
          Responses
        </h4>
        <ul className="flex flex-col gap-2 text-sm">
          {operation.responses.map((response) => (
            <li key={response.status} className="flex flex-col gap-2">
              <p>
                <span className="mr-2 font-mono font-semibold">{response.status}</span>
                <InlineMarkdown source={response.description} className={inlineCode} />
              </p>
              {response.schema ? <SchemaDetails label={`Response ${response.status} schema`} schema={response.schema} /> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby={`${id}-errors`} className="flex flex-col gap-2">
        <h4 id={`${id}-errors`} className="font-semibold">
          Errors
        </h4>
        <ul className="flex flex-col gap-1 text-sm">
          {operation.errors.map((error) => (
            <li key={error.status}>
              <span className="mr-2 font-mono font-semibold">{error.status}</span>
              <InlineMarkdown source={error.description} className={inlineCode} />
              <ProblemLinks status={Number(error.status)} />
            </li>
          ))}
        </ul>
        <p className="text-sm text-ink-muted">
          Every error answers with a{" "}
          <a href="#errors" className="text-brand-700 underline">
            problem document
          </a>
          .
        </p>
      </section>
    </article>
  );
}

/** " See Not found." (or two types joined by "or"): links to the explanations of a status's problem types. */
function ProblemLinks({ status }: { status: number }) {
  const types = problemTypesWithStatus(status);
  if (types.length === 0) return null;
  return (
    <span className="text-ink-muted">
      {" See "}
      {types.map((type, index) => (
        <span key={type}>
          {index > 0 ? " or " : null}
          <a href={`#${problemAnchor(type)}`} className="text-brand-700 underline">
            {problemTypes[type].title}
          </a>
        </span>
      ))}
      .
    </span>
  );
}
