declare module 'gas-local' {
  import type { Context } from 'node:vm';

  /** Loads every .js file under a folder (recursively) into one vm context and returns it. */
  export function require(
    folderPath: string,
    globalObject?: object,
    options?: { filter?: (file: string) => boolean },
  ): Context & Record<string, unknown>;

  export const globalMockDefault: Record<string, unknown>;
}
