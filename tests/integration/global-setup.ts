import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { connectPostgres, wrapPglite } from "@/db";
import { runMigrations } from "@/db/migrate";
import { adminUrl, databaseUrlFor } from "./database-urls";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { kind: "pglite"; templateFile: string } | { kind: "postgres"; template: string };
  }
}

/**
 * Migrates one template database for the whole run; every test file then gets
 * a fresh copy. A new PGlite takes seconds, a copy of a dumped one does not.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = `jeevi_test_tpl_${process.pid}_${Date.now()}`;
    const admin = postgres(adminUrl(serverUrl), { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${template}"`);
    const handle = connectPostgres(databaseUrlFor(serverUrl, template), 1);
    await runMigrations(handle);
    await handle.close();
    project.provide("testDatabase", { kind: "postgres", template });
    return async () => {
      const leftovers = await admin<{ datname: string }[]>`
        SELECT datname FROM pg_database WHERE datname LIKE ${`jeevi_test_%_${process.pid}_%`} OR datname = ${template}`;
      for (const { datname } of leftovers) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await admin.end();
    };
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-test-"));
  const handle = wrapPglite(new PGlite());
  await runMigrations(handle);
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  const templateFile = path.join(dir, "template.tar");
  fs.writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("testDatabase", { kind: "pglite", templateFile });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
