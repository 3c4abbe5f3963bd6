// Signs in as a browser does: the sign-in form posts to its server action
// (lib/auth/actions/sign-in-action.ts) on /sign-in; a right password gets the
// session cookie and a redirect. The action's id is the build's, read from the
// server reference manifest the browser's bundle was made from.
import fs from "node:fs";
import path from "node:path";

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
}

export function signInActionId(root: string): string {
  const file = path.join(root, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === "signInAction" && entry.filename === "lib/auth/actions/sign-in-action.ts",
  );
  if (!found) throw new Error(`signInAction is not in ${file}: was the app built?`);
  return found[0];
}

const sessionCookie = /^((?:__Secure-)?authjs\.session-token)=([^;]+)/;

/** The Cookie header of a fresh session of the account; throws if the sign-in was refused. */
export async function signInCookie(baseUrl: string, actionId: string, email: string, password: string): Promise<string> {
  const body = JSON.stringify([{ email, password }]);
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": actionId,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: baseUrl,
    },
    body,
  });
  const text = await response.text();
  for (const header of response.headers.getSetCookie()) {
    const match = sessionCookie.exec(header);
    if (match) return `${match[1]}=${match[2]}`;
  }
  throw new Error(`Signing in as ${email} gave no session (HTTP ${response.status}): ${text.slice(0, 300)}`);
}
