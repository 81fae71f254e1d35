// Builds dist/ for Apps Script: Code.js (a classic script whose entry points are
// top-level function declarations) and appsscript.json. HTML pages imported by
// the server code are built here too, with their TypeScript and CSS inlined, so
// nothing is fetched from a CDN at run time.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const entry = path.join(root, 'src/main.ts');
const GLOBAL = 'IRTTracker';

/** Inlines `<script src="x.ts">` (bundled for the browser) and `<link href="x.css">` into a page. */
async function buildPage(htmlPath) {
  const dir = path.dirname(htmlPath);
  let html = await readFile(htmlPath, 'utf8');
  const scripts = [...html.matchAll(/<script src="([^"]+)"><\/script>/g)];
  for (const [tag, src] of scripts) {
    const out = await build({
      entryPoints: [path.join(dir, src)],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2019',
      minify: true,
      legalComments: 'none',
    });
    const js = out.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
    html = html.replace(tag, () => `<script>${js}</script>`);
  }
  const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)];
  for (const [tag, href] of styles) {
    const css = await readFile(path.join(dir, href), 'utf8');
    html = html.replace(tag, () => `<style>${css}</style>`);
  }
  if (/(src|href)="(https?:)?\/\//i.test(html)) throw new Error(`${htmlPath} loads something from the network`);
  return html;
}

const htmlPages = {
  name: 'html-pages',
  setup(b) {
    b.onLoad({ filter: /\.html$/ }, async (args) => ({
      contents: `export default ${JSON.stringify(await buildPage(args.path))};`,
      loader: 'js',
      watchFiles: [args.path],
    }));
  },
};

const common = {
  entryPoints: [entry],
  bundle: true,
  write: false,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2020',
  plugins: [htmlPages],
  legalComments: 'none',
};

export async function buildBundle() {
  // First pass only to learn the entry file's export names (an IIFE metafile lists none).
  const esm = await build({ ...common, format: 'esm', metafile: true });
  const exports = Object.values(esm.metafile.outputs)[0].exports.filter((name) => name !== 'default');
  if (exports.length === 0) throw new Error('src/main.ts exports no entry point');
  const iife = await build({ ...common, format: 'iife', globalName: GLOBAL });
  const stubs = exports
    .map((name) => `function ${name}() {\n  return ${GLOBAL}.${name}.apply(this, arguments);\n}`)
    .join('\n');
  const code = `// Built by scripts/build.mjs from src/. Do not edit.\n${iife.outputFiles[0].text}\n${stubs}\n`;

  // Prove the result is a classic script that defines every entry point at top level.
  const context = vm.createContext({});
  new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
  const missing = exports.filter((name) => typeof context[name] !== 'function');
  if (missing.length) throw new Error(`entry points missing after bundling: ${missing.join(', ')}`);

  await mkdir(dist, { recursive: true });
  await writeFile(path.join(dist, 'Code.js'), code);
  await copyFile(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  return { exports, bytes: Buffer.byteLength(code) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { exports, bytes } = await buildBundle();
  console.log(`dist/Code.js: ${(bytes / 1024).toFixed(1)} KiB, entry points: ${exports.join(', ')}`);
}
