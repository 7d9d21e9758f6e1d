// Waiting for something a test cannot await directly (a request reaching the
// fixture server, a callback firing) by polling it, instead of sleeping a
// fixed time that a loaded machine can overrun.

/** Resolves once `ready()` is true; rejects after `ms` with `what` in the message. */
export async function until(ready: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
