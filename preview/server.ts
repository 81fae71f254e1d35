// The preview's web server (Node's http module only), on 127.0.0.1:
//   GET  /              the page: the sheets as a grid, the add-on's menu as buttons, sidebar, dialogs, outbox, log
//   GET  /assets/*      the page's script and style (preview/assets)
//   GET  /api/state     everything the page shows, as JSON
//   POST /api/run       {fn, args}: runs a top-level function of the bundle as a fresh execution
//   POST /api/select    {sheet, row, column}: the member clicked a cell (the active range)
//   POST /api/edit      {sheet, row, column, value}: the member typed into a cell (then onEdit fires)
//   POST /api/trigger   runs the daily reminder as its time-driven trigger would (no UI, as its owner)
//   POST /api/open      the page was (re)loaded: runs onOpen, as opening the document does
//   GET  /ui/<n>        the HTML of the n-th sidebar or dialog the add-on opened, with a
//                       google.script.run shim that POSTs to /api/run
// The API answers only same-origin JSON requests for this host and port, so another
// web page open in the browser cannot drive it.

import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Workbook, type WorkbookOptions } from './workbook';

export interface PreviewOptions extends WorkbookOptions {
  /** The project root (for preview/assets). */
  root: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
}

export interface Preview {
  url: string;
  port: number;
  workbook: Workbook;
  close(): Promise<void>;
}

const ASSETS: Record<string, string> = {
  '/assets/app.js': 'text/javascript; charset=utf-8',
  '/assets/app.css': 'text/css; charset=utf-8',
};

/** What the add-on's pages may do in the preview: run inline code, call this server, load nothing else. */
const DIALOG_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MAX_BODY = 1_000_000;

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, data: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(data));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('Request too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Puts the google.script.* shim in front of everything else in a page. */
export function withShim(html: string, shim: string, dialogId: number): string {
  const script = `<script>window.__IRT_PREVIEW_DIALOG__ = ${dialogId};\n${shim.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + script + html.slice(head.index + head[0].length);
  return script + html;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const host = options.host ?? '127.0.0.1';
  const assetsDir = path.join(options.root, 'preview', 'assets');
  const indexHtml = fs.readFileSync(path.join(assetsDir, 'index.html'), 'utf8');
  const shim = fs.readFileSync(path.join(assetsDir, 'gas-shim.js'), 'utf8');
  const workbook = new Workbook(options);
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: String((error as Error)?.message ?? error) });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const hostHeader = req.headers.host ?? '';
    if (!allowedHosts().has(hostHeader)) return send(res, 421, 'text/plain; charset=utf-8', 'Unknown host');
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    const route = url.pathname;

    if (req.method === 'GET' && route === '/') {
      return send(res, 200, 'text/html; charset=utf-8', indexHtml, { 'Content-Security-Policy': PAGE_CSP });
    }
    if (req.method === 'GET' && ASSETS[route]) {
      return send(res, 200, ASSETS[route], fs.readFileSync(path.join(assetsDir, path.basename(route))));
    }
    if (req.method === 'GET' && route === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (req.method === 'GET' && route === '/api/state') return sendJson(res, 200, workbook.snapshot());

    const dialog = /^\/ui\/(\d+)$/.exec(route);
    if (req.method === 'GET' && dialog) {
      const id = Number(dialog[1]);
      const record = workbook.dialogHtml(id);
      if (!record) return send(res, 404, 'text/plain; charset=utf-8', 'No such sidebar or dialog');
      return send(res, 200, 'text/html; charset=utf-8', withShim(record.html, shim, id), {
        'Content-Security-Policy': DIALOG_CSP,
        'X-Frame-Options': 'SAMEORIGIN',
      });
    }

    if (req.method === 'POST') {
      // JSON only (a cross-site form cannot send it without a preflight we never answer), same origin only.
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${hostHeader}`) return sendJson(res, 403, { ok: false, error: 'Cross-origin request refused' });
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return sendJson(res, 415, { ok: false, error: 'Send JSON' });
    }

    if (req.method === 'POST' && route === '/api/run') {
      let body: { fn?: unknown; args?: unknown };
      try {
        body = JSON.parse(await readBody(req)) as typeof body;
      } catch {
        return sendJson(res, 400, { ok: false, error: 'Bad JSON' });
      }
      if (typeof body?.fn !== 'string') return sendJson(res, 400, { ok: false, error: 'fn must be a function name' });
      const args = Array.isArray(body.args) ? body.args : [];
      return sendJson(res, 200, workbook.run(body.fn, args));
    }

    if (req.method === 'POST' && route === '/api/select') {
      try {
        const { sheet, row, column } = JSON.parse(await readBody(req)) as { sheet?: unknown; row?: unknown; column?: unknown };
        workbook.select(String(sheet), Number(row), Number(column));
        return sendJson(res, 200, { ok: true });
      } catch (error) {
        return sendJson(res, 400, { ok: false, error: (error as Error).message });
      }
    }

    if (req.method === 'POST' && route === '/api/edit') {
      let body: { sheet?: unknown; row?: unknown; column?: unknown; value?: unknown };
      try {
        body = JSON.parse(await readBody(req)) as typeof body;
      } catch {
        return sendJson(res, 400, { ok: false, error: 'Bad JSON' });
      }
      return sendJson(res, 200, workbook.edit(String(body?.sheet), Number(body?.row), Number(body?.column), typeof body?.value === 'string' ? body.value : (undefined as unknown as string)));
    }

    if (req.method === 'POST' && route === '/api/trigger') {
      return sendJson(res, 200, workbook.runDailyReminder());
    }

    if (req.method === 'POST' && route === '/api/open') {
      // Reloading the page is opening the document again: onOpen rebuilds the menu.
      workbook.openDocument();
      return sendJson(res, 200, { ok: true });
    }

    return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}/`,
    port,
    workbook,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
