import { codeBlock } from "./styles";

/** A JSON schema, folded away until asked for: most readers want the summary above it. */
export function SchemaDetails({ label, schema }: { label: string; schema: unknown }) {
  return (
    <details className="rounded-md border border-slate-200 bg-slate-50">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{label}</summary>
      <pre className={`${codeBlock} m-2 mt-0 text-xs leading-5`}>
        <code>{JSON.stringify(schema, null, 2)}</code>
      </pre>
    </details>
  );
}
