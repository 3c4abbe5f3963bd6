/**
 * The multi-process site of e2e/multi-process.spec.ts: two web processes and one
 * worker on one PostgreSQL database (scripts/multi-process-site.mjs starts them).
 * It exists only when E2E_DATABASE_URL names a PostgreSQL server: the embedded
 * database cannot be shared between processes.
 */
export const multiProcessPorts = { webA: 3150, webB: 3151 } as const;

export const multiProcessOrigin = (web: keyof typeof multiProcessPorts) => `http://127.0.0.1:${multiProcessPorts[web]}`;

/** The site's own database on the E2E_DATABASE_URL server (named by the first web process's port). */
export function multiProcessDatabaseUrl(serverUrl = process.env.E2E_DATABASE_URL): string | undefined {
  if (!serverUrl) return undefined;
  const url = new URL(serverUrl);
  url.pathname = `/jeevi_mp_${multiProcessPorts.webA}`;
  return url.toString();
}
