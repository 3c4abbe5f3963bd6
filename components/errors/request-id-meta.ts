/** The meta tag the root layout writes with the page's request id (X-Request-Id), for the error pages. */
export const requestIdMetaName = "request-id";
