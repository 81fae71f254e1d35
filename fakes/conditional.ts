import { makeEnum } from './enum';
import { gasError, gasTypeName, signatureError } from './errors';
import { Fake, unwrap } from './guard';
import { FakeRange } from './range';
import type { Implements } from './types';

export const BooleanCriteria = makeEnum('BooleanCriteria', [
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
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
  'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
] as const);

export type BooleanCriteriaType = keyof typeof BooleanCriteria;

export interface RuleSpec {
  criteria: BooleanCriteriaType | null;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  ranges: FakeRange[];
}

function cloneSpec(spec: RuleSpec): RuleSpec {
  return { ...spec, values: [...spec.values], ranges: [...spec.ranges] };
}

type BC = GoogleAppsScript.Spreadsheet.BooleanCondition;

/** The boolean condition of a conditional format rule. */
export class FakeBooleanCondition
  extends Fake
  implements Implements<BC, 'getCriteriaType' | 'getCriteriaValues' | 'getBackground' | 'getFontColor' | 'getBold' | 'getItalic'>
{
  constructor(private readonly _spec: RuleSpec) {
    super('BooleanCondition');
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return this._spec.criteria as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._spec.values];
  }
  getBackground(): string | null {
    return this._spec.background;
  }
  getFontColor(): string | null {
    return this._spec.fontColor;
  }
  getBold(): boolean | null {
    return this._spec.bold;
  }
  getItalic(): boolean | null {
    return this._spec.italic;
  }
}

type CFR = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** A built conditional format rule. */
export class FakeConditionalFormatRule
  extends Fake
  implements Implements<CFR, 'getRanges' | 'getBooleanCondition' | 'copy' | 'getGradientCondition'>
{
  constructor(readonly _spec: Readonly<RuleSpec>) {
    super('ConditionalFormatRule');
  }
  getRanges(): FakeRange[] {
    return [...this._spec.ranges];
  }
  getBooleanCondition(): FakeBooleanCondition {
    return new FakeBooleanCondition(cloneSpec(this._spec));
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(cloneSpec(this._spec));
  }
}

type CFRB = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

/** SpreadsheetApp.newConditionalFormatRule(). */
export class FakeConditionalFormatRuleBuilder
  extends Fake
  implements
    Implements<
      CFRB,
      | 'whenFormulaSatisfied'
      | 'whenTextEqualTo'
      | 'whenTextContains'
      | 'whenCellEmpty'
      | 'whenCellNotEmpty'
      | 'setBackground'
      | 'setFontColor'
      | 'setBold'
      | 'setItalic'
      | 'setRanges'
      | 'getRanges'
      | 'getBooleanCondition'
      | 'build'
      | 'copy'
    >
{
  private readonly _spec: RuleSpec;

  constructor(spec?: RuleSpec) {
    super('ConditionalFormatRuleBuilder');
    this._spec = spec ?? { criteria: null, values: [], background: null, fontColor: null, bold: null, italic: null, ranges: [] };
  }

  private _when(criteria: BooleanCriteriaType, values: unknown[]): this {
    this._spec.criteria = criteria;
    this._spec.values = values;
    return this;
  }

  whenFormulaSatisfied(formula: string): this {
    if (typeof formula !== 'string') throw signatureError('SpreadsheetApp.ConditionalFormatRuleBuilder', 'whenFormulaSatisfied', [gasTypeName(formula)]);
    return this._when('CUSTOM_FORMULA', [formula]);
  }
  whenTextEqualTo(text: string): this {
    return this._when('TEXT_EQUAL_TO', [String(text)]);
  }
  whenTextContains(text: string): this {
    return this._when('TEXT_CONTAINS', [String(text)]);
  }
  whenCellEmpty(): this {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this._when('CELL_NOT_EMPTY', []);
  }
  setBackground(color: string | null): this {
    this._spec.background = color;
    return this;
  }
  setFontColor(color: string | null): this {
    this._spec.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): this {
    this._spec.bold = bold;
    return this;
  }
  setItalic(italic: boolean | null): this {
    this._spec.italic = italic;
    return this;
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): this {
    if (!Array.isArray(ranges)) throw signatureError('SpreadsheetApp.ConditionalFormatRuleBuilder', 'setRanges', [gasTypeName(ranges)]);
    const raw = ranges.map((r) => unwrap(r) as unknown);
    if (!raw.every((r) => r instanceof FakeRange)) {
      throw signatureError('SpreadsheetApp.ConditionalFormatRuleBuilder', 'setRanges', [gasTypeName(ranges)]);
    }
    this._spec.ranges = raw as FakeRange[];
    return this;
  }
  getRanges(): FakeRange[] {
    return [...this._spec.ranges];
  }
  getBooleanCondition(): FakeBooleanCondition | null {
    return this._spec.criteria ? new FakeBooleanCondition(cloneSpec(this._spec)) : null;
  }
  build(): FakeConditionalFormatRule {
    if (!this._spec.criteria) throw gasError('Conditional format rule must have a condition.');
    if (this._spec.ranges.length === 0) throw gasError('Conditional format rule must have at least one range.');
    return new FakeConditionalFormatRule(cloneSpec(this._spec));
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(cloneSpec(this._spec));
  }
}
