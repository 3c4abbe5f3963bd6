import type { BlockList } from "node:net";

export declare const clientAddressHeader: "x-jeevi-client-ip";

export type ProxyTrust =
  | { kind: "none" }
  | { kind: "hops"; hops: number }
  | { kind: "addresses"; list: BlockList; entries: string[] };

export declare function normalizeAddress(raw: unknown): string | null;

export declare function parseTrustProxy(raw: string | undefined): { ok: true; trust: ProxyTrust } | { ok: false; error: string };

export declare function resolveClientAddress(
  trust: ProxyTrust,
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
): string;

export declare function stampClientAddress(
  headers: Record<string, string | string[] | undefined>,
  socketAddress: string | undefined,
  trust: ProxyTrust,
): void;
