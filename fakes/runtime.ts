import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as gasLocal from 'gas-local';
import type { AuthModeName } from './auth';
import { EXECUTION_LIMIT_MS, SIMPLE_TRIGGERS, SIMPLE_TRIGGER_LIMIT_MS } from './execution';
import type { FakeEnv } from './index';

/**
 * Runs the add-on's bundle the way Apps Script does: every .js file of the
 * bundle folder (recursively, like gas-local and `clasp push`) is a classic
 * script in one global scope; entry points are top-level function declarations;
 * each call is a fresh execution (new global scope, module state rebuilt), and
 * only the fake services' state survives between calls.
 */

export interface GasOptions {
  /** Folder holding only the bundle (default 'dist'). */
  bundleDir?: string;
}

export interface Gas {
  /** Calls a top-level function in a fresh execution and returns its result. */
  run(functionName: string, ...args: unknown[]): unknown;
  /** The bundle's top-level function declarations (what Apps Script can call). */
  functionNames(): string[];
  /** The bundle folder and the files loaded, in order. */
  readonly files: readonly string[];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (fs.statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/** A fresh global object for one execution: the env's services plus the fake Date. */
function sandboxFor(env: FakeEnv): Record<string, unknown> {
  return { ...env.globals };
}

function readHtmlFiles(env: FakeEnv, files: string[], root: string): void {
  for (const file of files) {
    if (file.endsWith('.html')) {
      const name = path.relative(root, file).replace(/\\/g, '/').replace(/\.html$/, '');
      env.htmlFiles.set(name, fs.readFileSync(file, 'utf8'));
    }
  }
}

/**
 * One execution with gas-local itself: loads every .js under `bundleDir` into a
 * new context whose globals are the env's services, and returns that context
 * (its top-level functions are properties of it). createGas is cheaper for repeated runs.
 */
export function loadBundle(env: FakeEnv, bundleDir = 'dist'): vm.Context & Record<string, unknown> {
  const root = path.resolve(bundleDir);
  readHtmlFiles(env, walk(root), root);
  return gasLocal.require(root, sandboxFor(env));
}

/**
 * The process environment Node reads TZ from. Under jest, `process` is a sandbox
 * copy whose env changes do not reach Node; the main context's process does.
 */
function realProcessEnv(): NodeJS.ProcessEnv {
  return (vm.runInThisContext('process') as NodeJS.Process).env;
}

const TOP_LEVEL_FUNCTION = /^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(/gm;

/**
 * A simple trigger runs without the user's authorization: onOpen, onEdit and
 * onSelectionChange in AuthMode.LIMITED (NONE stays NONE: an add-on not yet used
 * in the document). onInstall runs in FULL, as the environment's mode says.
 */
function simpleTriggerMode(env: FakeEnv, functionName: string): AuthModeName | null {
  if (!SIMPLE_TRIGGERS.has(functionName) || functionName === 'onInstall') return null;
  return env.authMode === 'NONE' ? 'NONE' : 'LIMITED';
}

/** The manifest's oauthScopes, when the bundle folder has an appsscript.json that lists them. */
function manifestScopes(root: string): string[] | null {
  const file = path.join(root, 'appsscript.json');
  if (!fs.existsSync(file)) return null;
  const scopes = (JSON.parse(fs.readFileSync(file, 'utf8')) as { oauthScopes?: unknown }).oauthScopes;
  return Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : null;
}

export function createGas(env: FakeEnv, options: GasOptions = {}): Gas {
  const root = path.resolve(options.bundleDir ?? 'dist');
  if (!fs.existsSync(root)) throw new Error(`Fake runtime: bundle folder ${root} does not exist (build first)`);
  // Calls need the scopes the deployed manifest grants (unless the test gave its own list).
  if (env.oauthScopes === null) env.oauthScopes = manifestScopes(root);
  const all = walk(root);
  const jsFiles = all.filter((f) => path.extname(f) === '.js');
  if (jsFiles.length === 0) throw new Error(`Fake runtime: no .js file under ${root}`);
  readHtmlFiles(env, all, root);

  // Read and compile once; each run executes the compiled scripts in a new context.
  const sources = jsFiles.map((file) => ({ file, code: fs.readFileSync(file, 'utf8') }));
  const scripts = sources.map(({ file, code }) => new vm.Script(code, { filename: file }));
  const declared = new Set<string>();
  for (const { code } of sources) for (const m of code.matchAll(TOP_LEVEL_FUNCTION)) declared.add(m[1]);

  let names: string[] | null = null;

  const newContext = (): vm.Context & Record<string, unknown> => {
    const context = vm.createContext(sandboxFor(env)) as vm.Context & Record<string, unknown>;
    for (const script of scripts) script.runInContext(context);
    return context;
  };

  const functionNames = (): string[] => {
    if (!names) {
      const context = newContext();
      names = [...declared].filter((n) => typeof context[n] === 'function').sort();
    }
    return [...names];
  };

  return {
    files: jsFiles,
    functionNames,
    run(functionName: string, ...args: unknown[]): unknown {
      if (!declared.has(functionName)) {
        throw new Error(
          `Fake runtime: "${functionName}" is not a top-level function of the bundle (${jsFiles.map((f) => path.basename(f)).join(', ')}); known: ${functionNames().join(', ') || 'none'}`,
        );
      }
      const context = vm.createContext(sandboxFor(env)) as vm.Context & Record<string, unknown>;
      const owner = env.execution.begin(
        context,
        SIMPLE_TRIGGERS.has(functionName) ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS,
        simpleTriggerMode(env, functionName),
      );
      // Apps Script's Date methods (getHours, getDate, toString) use the script's time zone.
      const realEnv = realProcessEnv();
      const savedTz = realEnv.TZ;
      realEnv.TZ = env.session.scriptTimeZone;
      try {
        for (const script of scripts) script.runInContext(context);
        const fn = context[functionName];
        if (typeof fn !== 'function') {
          throw new Error(`Fake runtime: "${functionName}" is not a function after loading the bundle`);
        }
        return (fn as (...a: unknown[]) => unknown)(...args);
      } finally {
        if (savedTz === undefined) delete realEnv.TZ;
        else realEnv.TZ = savedTz;
        env.execution.end();
        // Apps Script releases a script's locks when the execution ends.
        env.locks.releaseAllHeldBy(owner);
      }
    },
  };
}
