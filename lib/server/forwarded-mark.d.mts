import type { IncomingHttpHeaders } from "node:http";

export declare const forwardedMarkHeader: "x-jeevi-forwarded";
export declare function stampForwardedMark(headers: IncomingHttpHeaders): void;
