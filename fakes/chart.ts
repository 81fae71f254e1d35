import { gasError, gasTypeName, signatureError } from './errors';
import { Fake, unwrap } from './guard';
import { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { Implements } from './types';

/** The chart types the `as…Chart()` builders set (Charts.ChartType names). */
export type FakeChartType = 'AREA' | 'BAR' | 'COLUMN' | 'LINE' | 'PIE';

/** What a built chart holds: its type, data ranges, position and options. */
interface ChartState {
  type: FakeChartType | null;
  ranges: FakeRange[];
  anchor: { row: number; column: number; offsetX: number; offsetY: number } | null;
  options: Map<string, unknown>;
}

const copyState = (s: ChartState): ChartState => ({ ...s, ranges: [...s.ranges], options: new Map(s.options) });

/**
 * Sheet.newChart()'s builder. `asPieChart()` and the like return a typed builder
 * (EmbeddedPieChartBuilder, …) that adds setTitle; the untyped one has none, as in
 * Google's API. Error wordings for bad positions were not checked against Google.
 */
export class FakeEmbeddedChartBuilder
  extends Fake
  implements
    Implements<
      GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
      'addRange' | 'setPosition' | 'setOption' | 'build' | 'asPieChart' | 'asColumnChart' | 'asBarChart' | 'asLineChart' | 'asAreaChart' | 'getRanges'
    >
{
  constructor(
    readonly _sheet: FakeSheet,
    readonly _state: ChartState,
    name = 'EmbeddedChartBuilder',
  ) {
    super(name);
  }

  addRange(range: GoogleAppsScript.Spreadsheet.Range): this {
    const raw = unwrap(range) as unknown;
    if (!(raw instanceof FakeRange)) throw signatureError('SpreadsheetApp.EmbeddedChartBuilder', 'addRange', [gasTypeName(range)]);
    this._state.ranges.push(raw);
    return this;
  }
  getRanges(): FakeRange[] {
    return [...this._state.ranges];
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (!args.every((a) => typeof a === 'number' && Number.isInteger(a)))
      throw signatureError('SpreadsheetApp.EmbeddedChartBuilder', 'setPosition', args.map(gasTypeName));
    if (anchorRowPos < 1 || anchorColPos < 1) throw gasError('The coordinates of the chart anchor are outside the sheet.');
    this._state.anchor = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: object): this {
    if (typeof option !== 'string') throw signatureError('SpreadsheetApp.EmbeddedChartBuilder', 'setOption', [gasTypeName(option)]);
    this._state.options.set(option, value);
    return this;
  }
  private _as(type: FakeChartType, name: string): FakeEmbeddedTypedChartBuilder {
    return new FakeEmbeddedTypedChartBuilder(this._sheet, { ...copyState(this._state), type }, name);
  }
  asPieChart(): FakeEmbeddedTypedChartBuilder {
    return this._as('PIE', 'EmbeddedPieChartBuilder');
  }
  asColumnChart(): FakeEmbeddedTypedChartBuilder {
    return this._as('COLUMN', 'EmbeddedColumnChartBuilder');
  }
  asBarChart(): FakeEmbeddedTypedChartBuilder {
    return this._as('BAR', 'EmbeddedBarChartBuilder');
  }
  asLineChart(): FakeEmbeddedTypedChartBuilder {
    return this._as('LINE', 'EmbeddedLineChartBuilder');
  }
  asAreaChart(): FakeEmbeddedTypedChartBuilder {
    return this._as('AREA', 'EmbeddedAreaChartBuilder');
  }
  build(): FakeEmbeddedChart {
    return new FakeEmbeddedChart(this._sheet, copyState(this._state));
  }
}

/** EmbeddedPieChartBuilder, EmbeddedColumnChartBuilder, …: the typed builders' title. */
export class FakeEmbeddedTypedChartBuilder
  extends FakeEmbeddedChartBuilder
  implements Implements<GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder, 'setTitle'>
{
  setTitle(chartTitle: string): this {
    if (typeof chartTitle !== 'string') throw signatureError('SpreadsheetApp.EmbeddedChartBuilder', 'setTitle', [gasTypeName(chartTitle)]);
    this._state.options.set('title', chartTitle);
    return this;
  }
}

let nextChartId = 1;

/** A built chart; on a sheet once Sheet.insertChart took it. */
export class FakeEmbeddedChart
  extends Fake
  implements Implements<GoogleAppsScript.Spreadsheet.EmbeddedChart, 'getRanges' | 'getChartId'>
{
  _inserted = false;
  readonly _id = nextChartId++;

  constructor(
    readonly _sheet: FakeSheet,
    readonly _state: ChartState,
  ) {
    super('EmbeddedChart');
  }
  getRanges(): FakeRange[] {
    return [...this._state.ranges];
  }
  getChartId(): number | null {
    return this._inserted ? this._id : null;
  }

  /** A plain description for tests: type, title, data ranges in A1, anchor. */
  _describe(): { type: FakeChartType | null; title: unknown; ranges: string[]; anchor: ChartState['anchor']; options: Record<string, unknown> } {
    return {
      type: this._state.type,
      title: this._state.options.get('title'),
      ranges: this._state.ranges.map((r) => `${r._sheet._name}!${r.getA1Notation()}`),
      anchor: this._state.anchor,
      options: Object.fromEntries(this._state.options),
    };
  }
}

/** The sheet's side: a new builder, and the checks before a chart goes on a sheet. */
export function newChartBuilder(sheet: FakeSheet): FakeEmbeddedChartBuilder {
  return new FakeEmbeddedChartBuilder(sheet, { type: null, ranges: [], anchor: null, options: new Map() });
}

export function checkInsertable(sheet: FakeSheet, chart: unknown): FakeEmbeddedChart {
  const raw = unwrap(chart) as unknown;
  if (!(raw instanceof FakeEmbeddedChart)) throw signatureError('SpreadsheetApp.Sheet', 'insertChart', [gasTypeName(chart)]);
  if (raw._inserted) throw gasError('The chart is already on a sheet.');
  if (raw._sheet !== sheet) throw gasError('The chart was built for another sheet.');
  return raw;
}
