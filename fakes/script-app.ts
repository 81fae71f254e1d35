import { makeEnum } from './enum';
import { gasError, gasTypeName, signatureError } from './errors';
import { Fake, unwrap } from './guard';
import type { SessionConfig } from './session';
import type { FakeSpreadsheet } from './spreadsheet';
import { isValidTimeZone } from './tz';
import type { Implements } from './types';

const AuthMode = makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const EventType = makeEnum('EventType', ['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const);
const TriggerSource = makeEnum('TriggerSource', ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const);
const AuthorizationStatus = makeEnum('AuthorizationStatus', ['REQUIRED', 'NOT_REQUIRED'] as const);
const WeekDay = makeEnum('WeekDay', ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const);

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: keyof typeof EventType;
  source: keyof typeof TriggerSource;
  sourceId: string;
  owner: string;
  everyDays?: number;
  everyHours?: number;
  everyMinutes?: number;
  everyWeeks?: number;
  onWeekDay?: string;
  atHour?: number;
  nearMinute?: number;
  timeZone?: string;
  at?: Date;
  after?: number;
}

/** Installed triggers of the project, across executions. */
export class TriggerRegistry {
  readonly list: TriggerRecord[] = [];
  /** Add-on rule: one trigger of each event type per user per document. */
  addonLimits = true;
  /** Script rule: 20 triggers per user per script. */
  maxPerUser = 20;
  private nextId = 1;

  _newId(): string {
    return String(8_000_000_000 + this.nextId++);
  }
  ownedBy(email: string): TriggerRecord[] {
    return this.list.filter((t) => t.owner === email);
  }
  byHandler(handler: string): TriggerRecord[] {
    return this.list.filter((t) => t.handler === handler);
  }
  /** Test set-up: install a trigger as if an earlier execution had. */
  install(record: Omit<TriggerRecord, 'id'>): TriggerRecord {
    const full = { ...record, id: this._newId() };
    this.list.push(full);
    return full;
  }
}

export class FakeTrigger
  extends Fake
  implements Implements<GoogleAppsScript.Script.Trigger, 'getHandlerFunction' | 'getUniqueId' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'>
{
  constructor(readonly _record: TriggerRecord) {
    super('Trigger');
  }
  getHandlerFunction(): string {
    return this._record.handler;
  }
  getUniqueId(): string {
    return this._record.id;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return this._record.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this._record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getTriggerSourceId(): string {
    return this._record.sourceId;
  }
}

interface BuildContext {
  registry: TriggerRegistry;
  session: SessionConfig;
  spreadsheet: FakeSpreadsheet;
}

function create(ctx: BuildContext, record: Omit<TriggerRecord, 'id' | 'owner'>): FakeTrigger {
  const owner = ctx.session.activeUser || ctx.session.effectiveUser;
  const mine = ctx.registry.ownedBy(owner);
  if (mine.length >= ctx.registry.maxPerUser) {
    throw gasError('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
  }
  if (ctx.registry.addonLimits && mine.some((t) => t.eventType === record.eventType && t.sourceId === record.sourceId)) {
    throw gasError(
      record.eventType === 'CLOCK'
        ? 'This add-on has created too many time-based triggers in this document for this Google user account.'
        : 'This add-on has created too many triggers of this type in this document for this Google user account.',
    );
  }
  const full: TriggerRecord = { ...record, owner, id: ctx.registry._newId() };
  ctx.registry.list.push(full);
  return new FakeTrigger(full);
}

type CTB = GoogleAppsScript.Script.ClockTriggerBuilder;

export class FakeClockTriggerBuilder
  extends Fake
  implements Implements<CTB, 'everyDays' | 'everyHours' | 'everyMinutes' | 'everyWeeks' | 'onWeekDay' | 'atHour' | 'nearMinute' | 'inTimezone' | 'at' | 'after' | 'create'>
{
  private readonly _r: Partial<TriggerRecord> = {};

  constructor(
    private readonly _ctx: BuildContext,
    private readonly _handler: string,
  ) {
    super('ClockTriggerBuilder');
  }
  everyDays(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw gasError('Invalid argument: n');
    this._r.everyDays = n;
    return this;
  }
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw gasError('The number of hours must be 1, 2, 4, 6, 8 or 12.');
    this._r.everyHours = n;
    return this;
  }
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) throw gasError('The number of minutes must be 1, 5, 10, 15 or 30.');
    this._r.everyMinutes = n;
    return this;
  }
  everyWeeks(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw gasError('Invalid argument: n');
    this._r.everyWeeks = n;
    return this;
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): this {
    this._r.onWeekDay = String(unwrap(day));
    return this;
  }
  atHour(hour: number): this {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw gasError('The hour must be between 0 and 23.');
    this._r.atHour = hour;
    return this;
  }
  nearMinute(minute: number): this {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw gasError('The minute must be between 0 and 59.');
    this._r.nearMinute = minute;
    return this;
  }
  inTimezone(timezone: string): this {
    if (!isValidTimeZone(timezone)) throw gasError(`Invalid argument: timezone`);
    this._r.timeZone = timezone;
    return this;
  }
  at(date: GoogleAppsScript.Base.Date): this {
    this._r.at = new Date((date as unknown as Date).getTime());
    return this;
  }
  after(durationMilliseconds: number): this {
    this._r.after = durationMilliseconds;
    return this;
  }
  create(): FakeTrigger {
    const r = this._r;
    const schedules = [r.everyDays, r.everyHours, r.everyMinutes, r.everyWeeks, r.at, r.after].filter((x) => x !== undefined);
    if (schedules.length !== 1) throw gasError('A time-based trigger needs exactly one schedule (everyDays, everyHours, everyMinutes, everyWeeks, at or after).');
    if (r.atHour !== undefined && r.everyDays === undefined && r.everyWeeks === undefined) {
      throw gasError('atHour() can only be used with everyDays() or everyWeeks().');
    }
    if (this._ctx.registry.addonLimits && (r.everyMinutes !== undefined || r.after !== undefined && r.after < 3_600_000)) {
      throw gasError('Add-ons cannot create time-based triggers that run more often than once per hour.');
    }
    return create(this._ctx, {
      ...r,
      handler: this._handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: this._ctx.spreadsheet._id,
      timeZone: r.timeZone ?? this._ctx.session.scriptTimeZone,
    });
  }
}

type STB = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

export class FakeSpreadsheetTriggerBuilder extends Fake implements Implements<STB, 'onOpen' | 'onEdit' | 'onChange' | 'onFormSubmit' | 'create'> {
  private _type: keyof typeof EventType | null = null;
  constructor(
    private readonly _ctx: BuildContext,
    private readonly _handler: string,
    private readonly _sourceId: string,
  ) {
    super('SpreadsheetTriggerBuilder');
  }
  onOpen(): this {
    this._type = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this._type = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this._type = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this._type = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): FakeTrigger {
    if (!this._type) throw gasError('The trigger needs an event type (onOpen, onEdit, onChange or onFormSubmit).');
    return create(this._ctx, { handler: this._handler, eventType: this._type, source: 'SPREADSHEETS', sourceId: this._sourceId });
  }
}

type TB = GoogleAppsScript.Script.TriggerBuilder;

export class FakeTriggerBuilder extends Fake implements Implements<TB, 'timeBased' | 'forSpreadsheet'> {
  constructor(
    private readonly _ctx: BuildContext,
    private readonly _handler: string,
  ) {
    super('TriggerBuilder');
  }
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this._ctx, this._handler);
  }
  forSpreadsheet(sheet: string | GoogleAppsScript.Spreadsheet.Spreadsheet): FakeSpreadsheetTriggerBuilder {
    const raw = unwrap(sheet) as unknown;
    const id = typeof raw === 'string' ? raw : (raw as FakeSpreadsheet)?._id;
    if (typeof id !== 'string') throw signatureError('TriggerBuilder', 'forSpreadsheet', [gasTypeName(sheet)]);
    return new FakeSpreadsheetTriggerBuilder(this._ctx, this._handler, id);
  }
}

export class FakeAuthorizationInfo
  extends Fake
  implements Implements<GoogleAppsScript.Script.AuthorizationInfo, 'getAuthorizationStatus' | 'getAuthorizationUrl'>
{
  constructor(private readonly _required: boolean) {
    super('AuthorizationInfo');
  }
  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return (this._required ? 'REQUIRED' : 'NOT_REQUIRED') as unknown as GoogleAppsScript.Script.AuthorizationStatus;
  }
  getAuthorizationUrl(): string {
    // Google returns null when no authorization is required.
    return (this._required ? 'https://script.google.com/macros/fake-authorize' : null) as unknown as string;
  }
}

type SA = GoogleAppsScript.Script.ScriptApp;

export class FakeScriptApp
  extends Fake
  implements Implements<SA, 'newTrigger' | 'getProjectTriggers' | 'getUserTriggers' | 'deleteTrigger' | 'getAuthorizationInfo' | 'getScriptId'>
{
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly WeekDay = WeekDay;
  /** Test hook: whether getAuthorizationInfo reports REQUIRED. */
  _authorizationRequired = false;

  constructor(private readonly _ctx: BuildContext) {
    super('ScriptApp');
  }
  private _owner(): string {
    return this._ctx.session.activeUser || this._ctx.session.effectiveUser;
  }
  newTrigger(functionName: string): FakeTriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '') throw signatureError('ScriptApp', 'newTrigger', [gasTypeName(functionName)]);
    return new FakeTriggerBuilder(this._ctx, functionName);
  }
  getProjectTriggers(): FakeTrigger[] {
    return this._ctx.registry.ownedBy(this._owner()).map((r) => new FakeTrigger(r));
  }
  getUserTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): FakeTrigger[] {
    const ss = unwrap(spreadsheet) as unknown as FakeSpreadsheet;
    if (!ss || typeof ss !== 'object' || !('_id' in ss)) throw signatureError('ScriptApp', 'getUserTriggers', [gasTypeName(spreadsheet)]);
    return this._ctx.registry
      .ownedBy(this._owner())
      .filter((r) => r.sourceId === ss._id)
      .map((r) => new FakeTrigger(r));
  }
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    const raw = unwrap(trigger) as unknown;
    if (!(raw instanceof FakeTrigger)) throw signatureError('ScriptApp', 'deleteTrigger', [gasTypeName(trigger)]);
    const index = this._ctx.registry.list.findIndex((r) => r.id === raw._record.id);
    if (index < 0) throw gasError('Trigger not found.');
    this._ctx.registry.list.splice(index, 1);
  }
  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode): FakeAuthorizationInfo {
    void authMode;
    return new FakeAuthorizationInfo(this._authorizationRequired);
  }
  getScriptId(): string {
    return '1FakeScriptId';
  }
}
