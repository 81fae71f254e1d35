// `npm run bench` (after `npm run build`): bundles scripts/bench.ts, which drives
// dist/Code.js with the TypeScript fakes, into a temporary CommonJS file and
// runs it. Not part of `npm test`.
import { build } from 'esbuild';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Inside the project so that `require('gas-local')` resolves from node_modules.
const outDir = path.join(root, 'node_modules', '.cache', 'irt-bench');
const outfile = path.join(outDir, 'bench.cjs');

await mkdir(outDir, { recursive: true });
await build({
  entryPoints: [path.join(root, 'scripts/bench.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
try {
  process.argv[2] = root;
  createRequire(import.meta.url)(outfile);
} finally {
  await rm(outDir, { recursive: true, force: true });
}
