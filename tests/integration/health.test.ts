import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { GET as healthz } from "@/app/healthz/route";
import { GET as readyz } from "@/app/readyz/route";
import { rowsOf } from "@/lib/db/rows";
import { checkReadiness } from "@/lib/health/readiness";
import type { StorageBackend } from "@/lib/storage";
import { LocalBackend } from "@/lib/storage/local-backend";
import { testDb } from "./helpers";

const refusingStorage: StorageBackend = {
  put: async () => {
    throw new Error("EACCES: permission denied");
  },
  get: async () => null,
  delete: async () => {},
  exists: async () => false,
};

describe("GET /healthz", () => {
  it("answers 200 without touching the database", async () => {
    const response = healthz();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("GET /readyz", () => {
  it("is ready on a migrated database with writable storage", async () => {
    const response = await readyz();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ready");
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.migrations.ok).toBe(true);
    expect(body.checks.storage.ok).toBe(true);
  });

  it("is not ready while the newest migration is missing, and says which", async () => {
    const [newest] = rowsOf<{ hash: string; created_at: string }>(
      await testDb().execute(
        sql`DELETE FROM drizzle.__drizzle_migrations
            WHERE created_at = (SELECT max(created_at) FROM drizzle.__drizzle_migrations) RETURNING hash, created_at`,
      ),
    );
    try {
      const response = await readyz();
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body.status).toBe("not ready");
      expect(body.checks.migrations).toMatchObject({ ok: false });
      expect(body.checks.migrations.detail).toMatch(/pending/);
      expect(body.checks.database.ok).toBe(true);
    } finally {
      await testDb().execute(
        sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (${newest!.hash}, ${newest!.created_at})`,
      );
    }
    expect((await readyz()).status).toBe(200);
  });

  it("is not ready while the job queue's schema is behind or missing, and says so", async () => {
    const detail = async () => {
      const response = await readyz();
      expect(response.status).toBe(503);
      return (await response.json()).checks.migrations;
    };
    await testDb().execute(sql`UPDATE pgboss.version SET version = version - 1`);
    try {
      expect(await detail()).toMatchObject({ ok: false, detail: expect.stringMatching(/job queue's schema.*npm run db:migrate/) });
    } finally {
      await testDb().execute(sql`UPDATE pgboss.version SET version = version + 1`);
    }
    await testDb().execute(sql`ALTER TABLE pgboss.queue RENAME TO queue_away`);
    try {
      expect(await detail()).toMatchObject({ ok: false, detail: expect.stringMatching(/job queue \(pg-boss\) is not installed/) });
    } finally {
      await testDb().execute(sql`ALTER TABLE pgboss.queue_away RENAME TO queue`);
    }
    const ready = await (await readyz()).json();
    expect(ready.checks.migrations).toMatchObject({ ok: true, detail: expect.stringMatching(/job queue schema \d+/) });
  });

  it("reports storage that cannot be written, and leaves no probe file behind when it can", async () => {
    const refused = await checkReadiness(testDb() as Database, refusingStorage);
    expect(refused.ok).toBe(false);
    expect(refused.checks.storage.detail).toMatch(/not writable: EACCES/);
    expect(refused.checks.database.ok).toBe(true);

    const local = new LocalBackend();
    const written: string[] = [];
    const spying: StorageBackend = {
      put: (key, source) => {
        written.push(key);
        return local.put(key, source);
      },
      get: local.get.bind(local),
      delete: local.delete.bind(local),
      exists: local.exists.bind(local),
    };
    expect((await checkReadiness(testDb() as Database, spying)).ok).toBe(true);
    expect(written).toHaveLength(1);
    expect(await local.exists(written[0]!)).toBe(false);
  });

  it("reports an unreachable database without throwing", async () => {
    const unreachable = {
      execute: async () => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
      },
    } as unknown as Database;
    const readiness = await checkReadiness(unreachable, refusingStorage);
    expect(readiness.ok).toBe(false);
    expect(readiness.checks.database.detail).toMatch(/unreachable: connect ECONNREFUSED/);
    expect(readiness.checks.migrations.ok).toBe(false);
  });
});
