import { FakeConditionalFormatRuleBuilder, BooleanCriteria } from './conditional';
import { Fake } from './guard';
import { ProtectionType } from './protection';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import type { Implements } from './types';
import { FakeUi, type UiLog, uiUnavailable } from './ui';
import { DataValidationCriteria, FakeDataValidationBuilder } from './validation';
import { makeEnum } from './enum';

const WrapStrategy = makeEnum('WrapStrategy', ['WRAP', 'OVERFLOW', 'CLIP'] as const);

type SA = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/** SpreadsheetApp, bound to the one active spreadsheet. */
export class FakeSpreadsheetApp
  extends Fake
  implements
    Implements<
      SA,
      'getActiveSpreadsheet' | 'getActive' | 'getActiveSheet' | 'getActiveRange' | 'getUi' | 'flush' | 'newDataValidation' | 'newConditionalFormatRule'
    >
{
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;
  readonly BooleanCriteria = BooleanCriteria;
  readonly WrapStrategy = WrapStrategy;
  private readonly _ui: FakeUi;
  _flushes = 0;

  constructor(
    private readonly _spreadsheet: FakeSpreadsheet,
    private readonly _uiLog: UiLog,
  ) {
    super('SpreadsheetApp');
    this._ui = new FakeUi(_uiLog);
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this._spreadsheet;
  }
  getActive(): FakeSpreadsheet {
    return this._spreadsheet;
  }
  getActiveSheet(): FakeSheet {
    return this._spreadsheet._activeSheet;
  }
  getActiveRange(): FakeRange {
    return this._spreadsheet._activeRange;
  }
  getUi(): FakeUi {
    if (!this._uiLog.available) throw uiUnavailable();
    return this._ui;
  }
  flush(): void {
    this._flushes++;
  }
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder();
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder();
  }
}
