import { readPanelCase } from '../../src/core/case-steps';
import { buildPanelView, rowVersion } from '../../src/core/case-panel-view';
import { COLUMN_NAMES, matchHeaders } from '../../src/core/columns';
import { day, TODAY, settings } from './panel-fixtures';

describe('the panel view and the row fingerprint', () => {
  const header = [...COLUMN_NAMES];
  const { map } = matchHeaders(header);
  const row = header.map(() => '' as unknown);
  row[map['Case ID'] as number] = 'IRT-2026-001';
  row[map.Received as number] = new Date('2026-03-01T00:00:00Z');
  row[map.Stage as number] = 'Received';
  row[map.Findings as number] = 'secret';

  test('reads the row in the spreadsheet zone and builds a JSON-safe view', () => {
    const c = readPanelCase(row, map, 'UTC');
    expect(c).toMatchObject({ caseId: 'IRT-2026-001', received: day('2026-03-01'), findings: 'secret', stage: 'Received' });
    const view = buildPanelView(c, 'v1', TODAY, settings);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(view).toMatchObject({
      caseId: 'IRT-2026-001',
      stage: 'Received',
      version: 'v1',
      today: '2026-03-20',
      next: { action: 'Reply to reporter', due: '2026-03-04', status: 'Overdue' },
      problems: [],
    });
    expect(view.steps.map((s) => s.id)).toEqual(['firstReply', 'assessment', 'conflicts']);
    expect(JSON.stringify(view)).not.toContain('secret');
  });

  test('the fingerprint changes with any case cell, not with the computed ones', () => {
    const v = rowVersion(row, map);
    expect(v).toMatch(/^[0-9a-f]{16}$/);
    expect(rowVersion([...row], map)).toBe(v);
    const computed = [...row];
    computed[map['Next action'] as number] = 'Reply to reporter';
    expect(rowVersion(computed, map)).toBe(v);
    for (const name of ['Stage', 'Findings', 'Conflicts', 'Received'] as const) {
      const changed = [...row];
      changed[map[name] as number] = name === 'Received' ? new Date('2026-03-02T00:00:00Z') : 'x';
      expect(rowVersion(changed, map)).not.toBe(v);
    }
  });
});
