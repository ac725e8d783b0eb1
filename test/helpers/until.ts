/** Waiting in tests for something another process or a timer brings about. */

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `done` every 50 ms until it holds; fails after `withinMs`, saying `what`
 * (a function: what to say is worked out only then). Resolves with the ms it took.
 */
export async function until(what: string | (() => string), done: () => boolean | Promise<boolean>, withinMs: number): Promise<number> {
  const since = Date.now();
  while (!(await done())) {
    if (Date.now() - since > withinMs) throw new Error(`not within ${withinMs} ms: ${typeof what === 'string' ? what : what()}`);
    await wait(50);
  }
  return Date.now() - since;
}
