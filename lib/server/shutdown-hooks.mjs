// What the app asks to have done when the server shuts down. The server
// (scripts/serve.mjs) cannot import the app's TypeScript, and the app runs in
// the same process, so the app registers its steps here, on globalThis:
//   "drain" steps run as soon as shutdown starts, while requests in progress
//           finish (end the notification streams, stop the in-process worker);
//   "close" steps run once no request is left (close the database).
// A step registered twice under one name (the bundler's module copies) runs once.
const store = globalThis;
const hooks = () => (store.__jeeviShutdownHooks ??= new Map());

export function onShutdown(name, stage, run) {
  hooks().set(name, { stage, run });
}

/** True once shutdown has started: new long-lived work (a stream) should not begin. */
export function shutdownStarted() {
  return store.__jeeviShuttingDown === true;
}

export function markShutdownStarted() {
  store.__jeeviShuttingDown = true;
}

/** Runs every step of a stage together; a failing step is logged and does not stop the others. */
export async function runShutdownHooks(stage, logger) {
  const steps = [...hooks()].filter(([, hook]) => hook.stage === stage);
  await Promise.all(
    steps.map(async ([name, hook]) => {
      try {
        await hook.run();
        logger.info({ step: name }, "shutdown: step done");
      } catch (error) {
        logger.error({ step: name, err: error }, "shutdown: step failed");
      }
    }),
  );
}
