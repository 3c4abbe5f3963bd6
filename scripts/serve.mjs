// Serves the production build (npm start, the e2e server, production). It is
// `next start` plus one step: the client's address is resolved from the socket
// and TRUST_PROXY and handed to the app in a private header, because Next keeps
// a client-sent X-Forwarded-For as it is and tells the app nothing else.
//   node scripts/serve.mjs [port]     (or PORT; 3000 by default)
import { createServer } from "node:http";
import path from "node:path";
import { parseTrustProxy, stampClientAddress } from "../lib/security/trust-proxy.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);

const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
if (!trustProxy.ok) {
  console.error(trustProxy.error);
  process.exit(1);
}
const { trust } = trustProxy;

// Set before Next (and React) load: they pick their production code by it.
process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");
const app = next({ dev: false, dir: root, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  stampClientAddress(request.headers, request.socket.remoteAddress, trust);
  handle(request, response);
});
const upgrade = app.getUpgradeHandler();
server.on("upgrade", (request, socket, head) => upgrade(request, socket, head));
server.listen(port, () => {
  const trusted = trust.kind === "none" ? "no proxy" : trust.kind === "hops" ? `${trust.hops} proxy hop(s)` : trust.entries.join(", ");
  console.log(`Jeevi Academy listening on http://localhost:${port} (client address: socket; trusting ${trusted})`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    app.close?.().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
