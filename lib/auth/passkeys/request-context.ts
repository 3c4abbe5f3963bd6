import "server-only";
import { headers } from "next/headers";
import { fail } from "@/lib/actions/result";
import { clientIpFrom } from "../client-ip";
import { relyingPartyFor, type RelyingParty } from "./relying-party";

/** The relying party and client address of the current request; refuses when passkeys cannot work on this address. */
export async function passkeyRequest(): Promise<{ rp: RelyingParty; ip: string }> {
  const requestHeaders = await headers();
  const found = relyingPartyFor(requestHeaders);
  if (!found.ok) fail(found.message);
  return { rp: found.rp, ip: clientIpFrom(requestHeaders) };
}
