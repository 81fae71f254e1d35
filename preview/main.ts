// `npm start` → scripts/preview.mjs builds dist/ and this file, then calls main().
import { startPreview, type Preview } from './server';

export interface MainOptions {
  root: string;
  distDir: string;
  stateFile: string;
  port: number;
  /** The demo spreadsheet's zone, for a new demo (default: this machine's). */
  timeZone?: string;
  /** For a new demo: `records` starts from a team's own records sheet, not set up. */
  demo?: 'tracker' | 'records';
}

export async function main(options: MainOptions): Promise<Preview> {
  let preview: Preview;
  try {
    preview = await startPreview({ ...options, log: (line) => console.log(line) });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      console.error(`Port ${options.port} is in use. Start on another one with PORT=8081 npm start (PORT=0 picks a free port).`);
      process.exit(1);
    }
    throw error;
  }

  console.log(`IRT Case Tracker preview (fictional demo data, time zone ${preview.workbook.timeZone})`);
  console.log(`  State: ${options.stateFile} (npm run preview:reset starts over)`);
  console.log(`  Open ${preview.url}`);
  console.log('  Press Ctrl-C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void preview.close().then(() => {
      console.log(`Preview stopped (${signal}).`);
      process.exit(0);
    });
    // Do not hang on a stuck connection.
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return preview;
}
