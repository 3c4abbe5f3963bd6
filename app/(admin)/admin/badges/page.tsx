import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RotateSigningKeyButton } from "@/components/badges/rotate-signing-key-button";
import { LocalTime } from "@/components/ui/local-time";
import { TableContainer } from "@/components/ui/table-container";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { listSigningKeysForAdmin } from "@/lib/badges/queries";
import { badgeUrls } from "@/lib/badges/urls";

export const metadata: Metadata = { title: "Open Badges keys" };

export default async function AdminBadgesPage() {
  const user = await requireArea("area.admin", "/admin/badges");
  const keys = await listSigningKeysForAdmin(db, user);
  if (!keys) notFound();
  const active = keys.find((key) => key.retiredAt === null);
  const retired = keys.filter((key) => key.retiredAt !== null);
  const urls = badgeUrls();

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">Open Badges signing keys</h1>
        <p className="text-ink-muted">
          Every certificate is also an Open Badges 3.0 credential signed with the site&apos;s Ed25519 key. Verifiers read the public keys
          at <a className="font-medium text-brand-700 underline break-all" href={urls.jwks}>{urls.jwks}</a> and the issuer profile at{" "}
          <a className="font-medium text-brand-700 underline break-all" href={urls.issuer}>{urls.issuer}</a>.
        </p>
      </header>

      <section aria-labelledby="active-key" className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="active-key" className="mb-2 text-lg font-semibold">
          Active key
        </h2>
        {active ? (
          <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="font-medium">Key id (kid)</dt>
            <dd className="break-all font-mono">{active.kid}</dd>
            <dt className="font-medium">Fingerprint</dt>
            <dd className="break-all font-mono">{active.fingerprint}</dd>
            <dt className="font-medium">Created</dt>
            <dd>
              <LocalTime value={active.createdAt} />
            </dd>
          </dl>
        ) : (
          <p className="text-sm text-ink-muted">No key yet: one is made when the first credential is signed.</p>
        )}
        <div className="mt-4">
          <RotateSigningKeyButton hasKey={Boolean(active)} />
        </div>
      </section>

      <section aria-labelledby="retired-keys" className="flex flex-col gap-2">
        <h2 id="retired-keys" className="text-lg font-semibold">
          Retired keys
        </h2>
        <p className="text-sm text-ink-muted">They sign nothing new, but stay published so credentials they signed still verify.</p>
        {retired.length === 0 ? (
          <p className="text-sm">No retired keys.</p>
        ) : (
          <TableContainer label="Retired signing keys">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">Fingerprint</th>
                  <th scope="col" className="px-4 py-3 font-semibold">Created</th>
                  <th scope="col" className="px-4 py-3 font-semibold">Retired</th>
                </tr>
              </thead>
              <tbody>
                {retired.map((key) => (
                  <tr key={key.id} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="break-all px-4 py-3 font-mono font-normal">
                      {key.fingerprint}
                    </th>
                    <td className="px-4 py-3">
                      <LocalTime value={key.createdAt} />
                    </td>
                    <td className="px-4 py-3">{key.retiredAt ? <LocalTime value={key.retiredAt} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
        )}
      </section>
    </div>
  );
}
