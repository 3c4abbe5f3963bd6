import fs from "node:fs/promises";
import path from "node:path";
import { outboxDir } from "./config";

/** The names fileTransport gives: nothing else, so no path (`../`, `/`, `\`) can reach this far. */
const emlName = /^\d{8}T\d{9}Z-[0-9a-f]{12}\.eml$/;

export const isEmlFileName = (name: string) => emlName.test(name);

/**
 * The bytes of one .eml file in the outbox directory, or null. The name is
 * checked against the generated pattern and the resolved path must still lie
 * inside the directory: a crafted name never reads another file.
 */
export async function readOutboxFile(name: string, dir = outboxDir()): Promise<Buffer | null> {
  if (!isEmlFileName(name)) return null;
  const root = path.resolve(dir);
  const file = path.resolve(root, name);
  if (path.dirname(file) !== root) return null;
  try {
    return await fs.readFile(file);
  } catch {
    return null;
  }
}
