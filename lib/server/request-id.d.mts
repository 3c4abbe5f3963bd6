import type { IncomingHttpHeaders } from "node:http";
import type { ProxyTrust } from "../security/trust-proxy.mjs";

export declare const requestIdHeader: "x-jeevi-request-id";
export declare function isSaneRequestId(value: unknown): value is string;
export declare function fromTrustedProxy(trust: ProxyTrust, socketAddress: string | undefined): boolean;
export declare function stampRequestId(headers: IncomingHttpHeaders, socketAddress: string | undefined, trust: ProxyTrust): string;
