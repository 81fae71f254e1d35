// The local preview: `npm start` builds dist/Code.js, bundles preview/ (with the
// in-memory Apps Script fakes of fakes/) with esbuild into
// node_modules/.cache/irt-preview/, and serves the demo tracker on 127.0.0.1.
//   PORT=8081 npm start        another port (PORT=0: any free port)
//   PREVIEW_STATE=/tmp/x.json  keep the state elsewhere (default .preview-state.json)
//   PREVIEW_TZ=Europe/Berlin   the demo spreadsheet's time zone (for a new demo)
//   PREVIEW_DEMO=records      start from a team's own records sheet, not set up (for a new demo)
//   PREVIEW_NO_BUILD=1         use the dist/Code.js already built (the browser tests do,
//                              so they never rewrite dist/ while other suites read it)
//   npm run preview:reset      forget what was entered (deletes the state file)
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildBundle } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stateFile = path.resolve(root, process.env.PREVIEW_STATE || '.preview-state.json');

if (process.argv.includes('--reset')) {
  if (existsSync(stateFile)) {
    rmSync(stateFile);
    const shown = path.relative(root, stateFile);
    console.log(`Removed ${shown.startsWith('..') ? stateFile : shown}: the next npm start begins with a fresh demo.`);
  } else {
    console.log('No preview state to remove.');
  }
  process.exit(0);
}

const port = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(1);
}

if (process.env.PREVIEW_NO_BUILD === '1') {
  if (!existsSync(path.join(root, 'dist', 'Code.js'))) {
    console.error('dist/Code.js is missing: run npm run build first (or start without PREVIEW_NO_BUILD).');
    process.exit(1);
  }
} else {
  const { exports, bytes } = await buildBundle();
  console.log(`Built dist/Code.js (${(bytes / 1024).toFixed(1)} KiB, ${exports.length} entry points)`);
}

// One file per process (two previews may start at once, e.g. two browser-test files),
// inside the project so that its imports resolve from node_modules; removed once loaded.
const outfile = path.join(root, 'node_modules', '.cache', 'irt-preview', `main-${process.pid}.mjs`);
await build({
  entryPoints: [path.join(root, 'preview', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});

if (process.env.PREVIEW_TZ) process.env.PREVIEW_TZ = process.env.PREVIEW_TZ.trim();
let main;
try {
  ({ main } = await import(pathToFileURL(outfile).href));
} finally {
  rmSync(outfile, { force: true });
}
await main({ root, distDir: path.join(root, 'dist'), stateFile, port, timeZone: process.env.PREVIEW_TZ || undefined, demo: process.env.PREVIEW_DEMO === 'records' ? 'records' : undefined });
