import * as fs from 'node:fs';
import * as path from 'node:path';
import { processDoc } from '../../scripts/process-doc';
import { createProcess, DEFAULT_DECLARATION } from '../../src/core/process';

describe('docs/process.md', () => {
  test('is exactly what the declaration generates (run `npm run docs:process` after changing it)', () => {
    const file = fs.readFileSync(path.join(__dirname, '../../docs/process.md'), 'utf8');
    expect(file).toBe(processDoc());
  });

  test('follows a changed rule', () => {
    const changed = createProcess({
      ...DEFAULT_DECLARATION,
      milestones: DEFAULT_DECLARATION.milestones.map((m) =>
        m.id === 'reporterNotified' ? { ...m, due: { window: 'replyWindowDays' as const, from: ['Received' as const] } } : m,
      ),
    });
    const row = (doc: string) => doc.split('\n').find((l) => l.startsWith('| Reporter notified |'));
    expect(row(processDoc())).toContain('Notify parties window (days) (default 7) after Sub-team formed');
    expect(row(processDoc(changed))).toContain('Reply window (days) (default 3) after Received');
  });
});
