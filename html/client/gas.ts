// A typed promise over google.script.run. The types come from the server module
// itself (a type-only import: no server code enters the browser bundle), so a
// renamed entry point or a changed argument fails the client type-check.
//
//   const result = await callServer('submitNewCase', form);

type Server = typeof import('../../src/main');

/** Names of the server's top-level functions. */
export type ServerFunction = {
  [K in keyof Server]: Server[K] extends (...args: any[]) => unknown ? K : never;
}[keyof Server];

type Fn<K extends ServerFunction> = Server[K] extends (...args: infer A) => infer R ? { args: A; result: R } : never;

export type ServerArgs<K extends ServerFunction> = Fn<K>['args'];
export type ServerResult<K extends ServerFunction> = Fn<K>['result'];

/**
 * Runs a server function as a fresh execution. Rejects with an Error whose message
 * is the server's own (without the "Error: " / "Exception: " prefix Google may add).
 */
export function callServer<K extends ServerFunction>(name: K, ...args: ServerArgs<K>): Promise<ServerResult<K>> {
  return new Promise((resolve, reject) => {
    const script = (globalThis as { google?: { script?: { run?: google.script.Runner } } }).google?.script;
    if (!script?.run) {
      reject(new Error('This page must be opened from the IRT Tracker menu (google.script.run is not available).'));
      return;
    }
    const runner = script.run
      .withSuccessHandler((value: ServerResult<K>) => resolve(value))
      .withFailureHandler((error: unknown) => reject(new Error(messageOf(error))));
    const fn = runner[name as string];
    if (typeof fn !== 'function') {
      reject(new Error(`The server has no function ${String(name)}.`));
      return;
    }
    fn.apply(runner, args as unknown[]);
  });
}

/** A readable message from whatever a failure handler received. */
export function messageOf(error: unknown): string {
  const raw =
    error && typeof error === 'object' && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error ?? 'Unknown error');
  return raw.replace(/^(Error|Exception|TypeError|ScriptError):\s*/, '') || 'The server reported an error.';
}

/** Closes the sidebar or dialog (no-op outside Apps Script). */
export function closeHost(): void {
  (globalThis as { google?: { script?: { host?: { close(): void } } } }).google?.script?.host?.close();
}
