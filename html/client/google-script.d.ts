// The part of the client-side Apps Script API the pages use (HtmlService serves
// `google.script.*` to every sidebar and dialog; the preview serves a shim with
// the same shape). Only html/client/gas.ts should touch `google.script.run`.
//
// The Apps Script types (and the `*.html` module declaration) are referenced
// here only so that the server module's own types, which html/client/gas.ts
// imports type-only, resolve in this browser program. They clash with the DOM
// on `MimeType` (skipLibCheck hides the clash in the .d.ts files; the DOM wins),
// so server code should write MIME types as strings ('text/plain'), not
// `MimeType.PLAIN_TEXT`, or the client check fails.
/// <reference types="google-apps-script" />
/// <reference path="../../src/types/html.d.ts" />

declare namespace google.script {
  /** Each call builds a fresh runner; handlers apply to the next function called on it. */
  interface Runner {
    withSuccessHandler(handler: (value: any, userObject?: any) => void): Runner;
    withFailureHandler(handler: (error: Error, userObject?: any) => void): Runner;
    withUserObject(object: unknown): Runner;
    /** Any top-level server function, by name. */
    [serverFunction: string]: (...args: any[]) => any;
  }
  const run: Runner;
  const host: {
    /** Closes the sidebar or dialog. */
    close(): void;
    setHeight(height: number): void;
    setWidth(width: number): void;
    editor: { focus(): void };
    origin: string;
  };
}
