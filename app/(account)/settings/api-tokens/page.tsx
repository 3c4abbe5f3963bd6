import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokenTable } from "@/components/settings/api-token-table";
import { CreateApiTokenForm } from "@/components/settings/create-api-token-form";
import { db } from "@/db";
import { listApiTokens } from "@/lib/api/tokens";
import { requireUser } from "@/lib/auth/current-user";
import { absoluteUrl } from "@/lib/site/config";

export const metadata: Metadata = { title: "API tokens" };

// Every signed-in role may let its own scripts and apps act for it through the REST API.
export default async function ApiTokensPage() {
  const user = await requireUser("/settings/api-tokens");
  const tokens = await listApiTokens(db, user);
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">API tokens</h1>
        <p className="text-ink-muted">
          A personal access token lets an app or a script (a school&apos;s own system, a mobile app, a spreadsheet import) use the
          REST API as you, with exactly your permissions. Keep each token as secret as your password, give each use its own
          token, and revoke one as soon as it is no longer needed or may have leaked.
        </p>
      </header>

      <section aria-labelledby="use-heading" className="flex flex-col gap-2">
        <h2 id="use-heading" className="text-lg font-semibold">
          Using a token
        </h2>
        <p>Send it in the Authorization header of every request:</p>
        <pre className="whitespace-pre-wrap rounded-card bg-slate-900 p-4 font-mono text-sm leading-6 text-slate-50 [overflow-wrap:anywhere]">
          <code>{`curl -H "Authorization: Bearer jva_…" ${absoluteUrl("/api/v1/me")}`}</code>
        </pre>
        <p>
          Every endpoint, its parameters and its answers are described in the{" "}
          <Link href="/developers/api" className="font-medium text-brand-700 underline">
            API documentation
          </Link>
          .
        </p>
      </section>

      <section aria-labelledby="create-heading" className="flex flex-col gap-3">
        <h2 id="create-heading" className="text-lg font-semibold">
          Create a token
        </h2>
        <CreateApiTokenForm />
      </section>

      <section aria-labelledby="tokens-heading" className="flex flex-col gap-3">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Your tokens
        </h2>
        <p className="text-sm text-ink-muted">
          Only the first characters of each token are kept in view. An expired or revoked token stays listed for your records.
        </p>
        <ApiTokenTable tokens={tokens} now={new Date()} />
      </section>
    </div>
  );
}
