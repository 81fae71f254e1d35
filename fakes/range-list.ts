import { gasTypeName, signatureError } from './errors';
import { Fake } from './guard';
import type { FakeRange } from './range';
import type { Implements } from './types';

/** Sheet.getRangeList's result: several ranges of one sheet written in one call. */
export class FakeRangeList
  extends Fake
  implements Implements<GoogleAppsScript.Spreadsheet.RangeList, 'getRanges' | 'setValue'>
{
  constructor(readonly _ranges: FakeRange[]) {
    super('RangeList');
  }
  getRanges(): FakeRange[] {
    return [...this._ranges];
  }
  /** Every cell of every range gets the value, as Range.setValue does for one range. */
  setValue(value: unknown): this {
    if (Array.isArray(value)) throw signatureError('SpreadsheetApp.RangeList', 'setValue', [gasTypeName(value)]);
    for (const range of this._ranges) range.setValue(value);
    return this;
  }
}
