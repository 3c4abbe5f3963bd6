// One live connection per browser tab, shared by the header's badge and the
// notifications page. Server-Sent Events while they work; when the stream
// fails, the unread count is polled every 15 seconds and the stream retried.

export interface UnreadUpdate {
  unread: number;
  /** Something new arrived (as opposed to notifications being read). */
  fresh: boolean;
}

type Listener = (update: UnreadUpdate) => void;

const streamUrl = "/api/notifications/stream";
const pollUrl = "/api/notifications/unread";
export const pollIntervalMs = 15_000;

const listeners = new Set<Listener>();
let source: EventSource | null = null;
let pollTimer: ReturnType<typeof setInterval> | null = null;
let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
let lastUnread: number | null = null;

function emit(unread: number, fresh: boolean) {
  lastUnread = unread;
  for (const listener of listeners) listener({ unread, fresh });
}

async function poll() {
  try {
    const response = await fetch(pollUrl, { cache: "no-store", headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const { unread } = (await response.json()) as { unread: number };
    if (unread !== lastUnread) emit(unread, lastUnread !== null && unread > lastUnread);
  } catch {
    // Offline: the next round tries again.
  }
}

function startPolling() {
  if (pollTimer) return;
  void poll();
  pollTimer = setInterval(poll, pollIntervalMs);
}

function stopPolling() {
  if (pollTimer) clearInterval(pollTimer);
  pollTimer = null;
}

function connect() {
  reconnectTimer = null;
  if (typeof EventSource === "undefined") {
    startPolling();
    return;
  }
  const stream = new EventSource(streamUrl);
  source = stream;
  stream.addEventListener("unread", (event) => {
    stopPolling();
    const update = JSON.parse((event as MessageEvent<string>).data) as UnreadUpdate;
    emit(update.unread, update.fresh);
  });
  // The server ended this stream because the user has too many open (other
  // tabs): poll for a while instead of reconnecting at once and pushing another tab out.
  stream.addEventListener("closed", () => {
    stream.close();
    if (source === stream) source = null;
    startPolling();
    if (!reconnectTimer) reconnectTimer = setTimeout(connect, 4 * pollIntervalMs);
  });
  stream.onerror = () => {
    startPolling();
    // A stream the browser gave up on (a refused or failed response) is retried by us.
    if (stream.readyState === EventSource.CLOSED && source === stream) {
      source = null;
      reconnectTimer = setTimeout(connect, pollIntervalMs);
    }
  };
}

function disconnect() {
  source?.close();
  source = null;
  stopPolling();
  if (reconnectTimer) clearTimeout(reconnectTimer);
  reconnectTimer = null;
}

/** Calls `listener` with every change of the unread count; returns the function that stops. */
export function subscribeToNotifications(listener: Listener): () => void {
  listeners.add(listener);
  if (!source && !reconnectTimer && !pollTimer) connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) disconnect();
  };
}
