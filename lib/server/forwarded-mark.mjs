// Whether a request reached the server through a proxy, as it arrived: Next
// fills in X-Forwarded-For on every request before the app sees it, so the
// app cannot tell on its own. /metrics lets a local caller in only when the
// request was not forwarded (a reverse proxy on the same machine is not local).

/** The private header the server sets to "1" on forwarded requests; any copy a client sends is removed first. */
export const forwardedMarkHeader = "x-jeevi-forwarded";

const forwardingHeaders = ["x-forwarded-for", "forwarded", "x-real-ip"];

export function stampForwardedMark(headers) {
  delete headers[forwardedMarkHeader];
  if (forwardingHeaders.some((name) => headers[name] !== undefined)) headers[forwardedMarkHeader] = "1";
}
