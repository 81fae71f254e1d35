// `npm run docs:process`: writes docs/process.md from the process declaration
// (bundles scripts/process-doc.ts in memory and runs it).
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = await build({
  entryPoints: [path.join(root, 'scripts/process-doc.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'ProcessDoc',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2020',
});
const context = {};
vm.runInNewContext(`${out.outputFiles[0].text}; this.ProcessDoc = ProcessDoc;`, context);
const file = path.join(root, 'docs/process.md');
await writeFile(file, context.ProcessDoc.processDoc());
console.log(`Wrote ${path.relative(root, file)}`);
