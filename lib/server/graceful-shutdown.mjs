// SIGTERM (a deploy, systemd, Kubernetes) or SIGINT (Ctrl-C) stops the server
// without cutting anyone off: no new connections, requests in progress
// finish, notification streams end with a hint to reconnect in a moment (to
// another server, behind a load balancer), the in-process worker finishes its
// running jobs, then the database is closed and the process exits 0. Whatever
// is still running after SHUTDOWN_TIMEOUT is cut off and the exit code is 1.
import { markShutdownStarted, runShutdownHooks } from "./shutdown-hooks.mjs";

export const defaultShutdownTimeoutMs = 25_000;

/** SHUTDOWN_TIMEOUT in seconds (1–600), or 25; anything else is refused with a sentence. */
export function parseShutdownTimeout(raw) {
  const text = (raw ?? "").trim();
  if (text === "") return { ok: true, ms: defaultShutdownTimeoutMs };
  const seconds = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(seconds >= 1 && seconds <= 600)) return { ok: false, error: `SHUTDOWN_TIMEOUT=${text}: a number of seconds from 1 to 600.` };
  return { ok: true, ms: Math.round(seconds * 1000) };
}

/**
 * Returns `shutdown(signal)`. The first call starts the shutdown and returns
 * its promise; a second signal (Ctrl-C twice) exits at once with 1.
 * `closeApp` closes Next; `exit` is process.exit (tests pass their own).
 */
export function createGracefulShutdown({
  server,
  timeoutMs = defaultShutdownTimeoutMs,
  logger,
  closeApp = async () => {},
  runHooks = (stage) => runShutdownHooks(stage, logger),
  exit = (code) => process.exit(code),
}) {
  let running = null;
  return function shutdown(signal) {
    if (running) {
      logger.warn({ signal }, "shutdown: second signal, exiting now");
      exit(1);
      return running;
    }
    markShutdownStarted();
    logger.info({ signal, timeoutMs }, "shutdown: no new connections; finishing the requests in progress");
    running = (async () => {
      const drained = new Promise((resolve) => server.close(() => resolve()));
      // A keep-alive connection between requests holds close() open: end each one as it falls idle.
      const sweep = setInterval(() => server.closeIdleConnections?.(), 100);
      sweep.unref?.();
      server.closeIdleConnections?.();
      let timer;
      const deadline = new Promise((resolve) => {
        timer = setTimeout(() => resolve("timeout"), timeoutMs);
        timer.unref?.();
      });
      const outcome = await Promise.race([Promise.all([runHooks("drain"), drained]).then(() => "drained"), deadline]);
      clearInterval(sweep);
      clearTimeout(timer);
      if (outcome === "timeout") {
        logger.warn({ timeoutMs }, "shutdown: timed out; cutting off the connections still open");
        server.closeAllConnections?.();
      }
      try {
        await closeApp();
      } catch (error) {
        logger.error({ err: error }, "shutdown: closing the app failed");
      }
      // Closing the database must not hang the exit when a cut-off job still holds it.
      await Promise.race([runHooks("close"), new Promise((resolve) => setTimeout(resolve, 5_000).unref?.())]);
      const code = outcome === "timeout" ? 1 : 0;
      logger.info({ code }, "shutdown: done");
      exit(code);
    })();
    return running;
  };
}
