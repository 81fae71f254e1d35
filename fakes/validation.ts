import { makeEnum } from './enum';
import { gasError } from './errors';
import { Fake, unwrap } from './guard';
import type { Implements } from './types';

type DV = GoogleAppsScript.Spreadsheet.DataValidation;
type DVB = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export const DataValidationCriteria = makeEnum('DataValidationCriteria', [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const);

export type CriteriaType = keyof typeof DataValidationCriteria;

interface Spec {
  criteria: CriteriaType | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

function copyValues(values: unknown[]): unknown[] {
  return values.map((v) => (Array.isArray(v) ? [...v] : v));
}

/** A built data validation rule (immutable, as in Apps Script). */
export class FakeDataValidation
  extends Fake
  implements Implements<DV, 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText' | 'getAllowInvalid' | 'copy'>
{
  constructor(private readonly _spec: Readonly<Spec>) {
    super('DataValidation');
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this._spec.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return copyValues(this._spec.values);
  }
  getHelpText(): string {
    return this._spec.helpText;
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder({ ...this._spec, values: copyValues(this._spec.values) });
  }
}

/** SpreadsheetApp.newDataValidation(). */
export class FakeDataValidationBuilder
  extends Fake
  implements
    Implements<
      DVB,
      | 'requireValueInList'
      | 'requireDate'
      | 'requireDateAfter'
      | 'requireDateOnOrAfter'
      | 'requireDateBefore'
      | 'requireTextIsEmail'
      | 'requireTextIsUrl'
      | 'requireFormulaSatisfied'
      | 'requireNumberBetween'
      | 'requireCheckbox'
      | 'setAllowInvalid'
      | 'setHelpText'
      | 'build'
      | 'copy'
      | 'withCriteria'
      | 'getCriteriaType'
      | 'getCriteriaValues'
      | 'getHelpText'
      | 'getAllowInvalid'
    >
{
  private _spec: Spec;

  constructor(spec?: Spec) {
    super('DataValidationBuilder');
    this._spec = spec ?? { criteria: null, values: [], allowInvalid: true, helpText: '' };
  }

  private _set(criteria: CriteriaType, values: unknown[]): this {
    this._spec.criteria = criteria;
    this._spec.values = values;
    return this;
  }

  requireValueInList(values: string[], showDropdown?: boolean): this {
    if (!Array.isArray(values)) throw gasError('The parameters don\'t match the method signature for DataValidationBuilder.requireValueInList.');
    if (values.length === 0) throw gasError('Data validation criteria list must contain at least one value.');
    return this._set('VALUE_IN_LIST', [[...values], showDropdown ?? true]);
  }
  requireDate(): this {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: GoogleAppsScript.Base.Date): this {
    return this._set('DATE_AFTER', [date]);
  }
  requireDateOnOrAfter(date: GoogleAppsScript.Base.Date): this {
    return this._set('DATE_ON_OR_AFTER', [date]);
  }
  requireDateBefore(date: GoogleAppsScript.Base.Date): this {
    return this._set('DATE_BEFORE', [date]);
  }
  requireTextIsEmail(): this {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this._set('TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string): this {
    if (typeof formula !== 'string' || !formula.startsWith('=')) {
      throw gasError(`Invalid formula for data validation: ${String(formula)}`);
    }
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireCheckbox(): this {
    return this._set('CHECKBOX', []);
  }
  setAllowInvalid(allowInvalidData: boolean): this {
    this._spec.allowInvalid = !!allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): this {
    this._spec.helpText = String(helpText);
    return this;
  }
  withCriteria(criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria, args: unknown[]): this {
    const name = String(unwrap(criteria)) as CriteriaType;
    if (!(name in DataValidationCriteria)) throw gasError(`Unknown data validation criteria: ${name}`);
    return this._set(name, Array.isArray(args) ? [...args] : []);
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this._spec.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return copyValues(this._spec.values);
  }
  getHelpText(): string {
    return this._spec.helpText;
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  build(): FakeDataValidation {
    if (!this._spec.criteria) throw gasError('You must set data validation criteria before building the rule.');
    return new FakeDataValidation({ ...this._spec, values: copyValues(this._spec.values) });
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder({ ...this._spec, values: copyValues(this._spec.values) });
  }
}
