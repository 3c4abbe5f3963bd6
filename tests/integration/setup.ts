import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { connectPostgres, setDatabaseHandle, wrapPglite, type DatabaseHandle } from "@/db";
import { adminUrl, databaseUrlFor } from "./database-urls";

// Every test file gets its own freshly migrated database, installed as the
// application's `db`, and dropped when the file is done; and its own data
// directory (uploads, a stray embedded database), never the project's .data.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-test-data-"));
process.env.JEEVI_DATA_DIR = dataDir;

let handle: DatabaseHandle | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const config = inject("testDatabase");
  if (config.kind === "pglite") {
    const loadDataDir = new Blob([fs.readFileSync(config.templateFile)]);
    handle = wrapPglite(new PGlite({ loadDataDir }));
  } else {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const name = `jeevi_test_file_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(adminUrl(serverUrl), { max: 1, onnotice: () => {} });
    // A concurrent copy of the same template can be refused for a moment.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${config.template}"`);
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
    handle = connectPostgres(databaseUrlFor(serverUrl, name), 5);
    dropDatabase = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  }
  setDatabaseHandle(handle);
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle?.close();
  await dropDatabase?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
