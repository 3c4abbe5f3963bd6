// What the app learns about a request that the server's log line should say
// (who was signed in). The server opens an entry when a request arrives and
// takes it back when the response ends; the app can only fill in an open
// entry, so nothing accumulates when the app runs without this server
// (next dev, tests). One map per process, on globalThis, shared with the
// bundler's copies of the app's modules.
const store = globalThis;
const open = () => (store.__jeeviRequestContexts ??= new Map());

export function openRequestContext(requestId) {
  open().set(requestId, {});
}

/** Called by the app once it knows the user (lib/logging/request-user.ts). */
export function noteRequestUser(requestId, userId) {
  const context = open().get(requestId);
  if (context) context.userId = userId;
}

export function closeRequestContext(requestId) {
  const context = open().get(requestId);
  open().delete(requestId);
  return context ?? {};
}
