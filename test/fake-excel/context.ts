/**
 * A fake of the office.js request context over FakeWorkbookModel. Like the real one it queues every
 * call and runs the queue on sync(); properties can only be read after load() and sync(); a request
 * over 5 MB is refused whole (RequestPayloadSizeLimitExceeded), a response over 5 MB too.
 * It counts requests, calls and bytes per sync, so tests and benchmarks can see what the adapter sends.
 */
import type { Area } from '../../src/core/grid';
import type {
  XlBorder,
  XlConditionalFormat,
  XlContext,
  XlFont,
  XlHyperlink,
  XlNamedItem,
  XlNamedItemCollection,
  XlRange,
  XlRangeAreas,
  XlRangeFormat,
  XlSetting,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
} from '../../src/excel/api';
import { areaColumns, areaRows, parseArea } from '../../src/core/grid';
import { REQUEST_LIMIT_BYTES, callBytes, utf8Length } from '../../src/excel/payload';
import { quoteSheet } from '../../src/core/patch';
import {
  FakeOfficeError,
  areaAddress,
  overlaps,
  writeCell,
  type FakeConditionalFormat,
  type FakeName,
  type FakeSheet,
  type FakeWorkbookModel,
} from './model';

export interface SyncRecord {
  /** Request bytes (JSON, UTF-8) and number of queued calls. */
  bytes: number;
  calls: number;
  responseBytes: number;
  /** suspendApiCalculationUntilNextSync was called for this request. */
  suspendedCalculation: boolean;
}

export interface FakeContextOptions {
  requestLimitBytes?: number;
  responseLimitBytes?: number;
  /** Makes the n-th sync (1-based) fail before running anything, like a dropped connection. */
  failAtSync?: number;
  /**
   * Called at every sync of every context before the request runs, with the calls it carries: may
   * throw (a fault) or change the model (the user deleting a sheet meanwhile). See faults.ts.
   */
  onSync?: (
    ctx: FakeExcelContext,
    calls: ReadonlyArray<QueuedCall & { bytes: number }>,
  ) => void | Promise<void>;
}

/** A queued API call as the request carries it: the object path and the member. */
export interface QueuedCall {
  path: string;
  member: string;
}

interface Call extends QueuedCall {
  bytes: number;
  run: () => void;
}

/**
 * Calls Excel cannot put on its undo stack (on Windows and Mac; the web can undo renaming and
 * moving): a batch merged into one undo group refuses them with UndoNotSupported, any other batch
 * empties the undo stack.
 */
export function isUndoableCall(call: QueuedCall): boolean {
  return !(
    /^ws\[[^\]]*\]$/.test(call.path) && /^(delete|copy|name|position|visibility)$/.test(call.member)
  );
}

/** A value filled in when the queued call that produces it runs. */
class Slot<T> {
  private value: T | undefined;
  private filled = false;
  set(v: T): void {
    this.value = v;
    this.filled = true;
  }
  get(what: string): T {
    if (!this.filled)
      throw new FakeOfficeError(
        'InvalidObjectPath',
        `${what} is used before the request that creates it ran`,
      );
    return this.value as T;
  }
}

export class FakeExcelContext implements XlContext {
  readonly workbook: FakeWorkbook;
  readonly syncs: SyncRecord[] = [];
  /** Excel.run({ mergeUndoGroup: true }) on a client that has it: every sync is one undo step. */
  undoGroup = false;
  /** Called with the calls of each request just before it runs (the undo stack takes its snapshot). */
  beforeRun: ((calls: ReadonlyArray<QueuedCall>) => void) | null = null;
  private queue: Call[] = [];
  private responseBytes = 0;
  private current: SyncRecord | null = null;

  constructor(
    readonly model: FakeWorkbookModel,
    readonly options: FakeContextOptions = {},
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Queues one API call; `run` does it when the request is processed. */
  call(path: string, member: string, args: unknown, run: () => void): void {
    this.queue.push({
      path,
      member,
      bytes: callBytes({ o: path, m: member, a: args ?? null }),
      run,
    });
  }

  respond(data: unknown): void {
    this.responseBytes += utf8Length(JSON.stringify(data) ?? '');
  }

  markSuspended(): void {
    if (this.current) this.current.suspendedCalculation = true;
  }

  async sync(): Promise<void> {
    const calls = this.queue;
    this.queue = [];
    const record: SyncRecord = {
      bytes: calls.reduce((n, c) => n + c.bytes, 0),
      calls: calls.length,
      responseBytes: 0,
      suspendedCalculation: false,
    };
    this.syncs.push(record);
    await Promise.resolve();
    await this.options.onSync?.(this, calls);
    if (this.options.failAtSync === this.syncs.length)
      throw new FakeOfficeError('GeneralException', 'The connection to Excel was lost');
    const limit = this.options.requestLimitBytes ?? REQUEST_LIMIT_BYTES;
    if (record.bytes > limit)
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size (${record.bytes}) has exceeded the limit (${limit})`,
      );
    if (this.undoGroup) {
      const refused = calls.find((c) => !isUndoableCall(c));
      if (refused)
        throw new FakeOfficeError(
          'UndoNotSupported',
          `${refused.path}.${refused.member} cannot be part of an undo group`,
        );
    }
    this.beforeRun?.(calls);
    this.current = record;
    this.responseBytes = 0;
    try {
      for (const c of calls) c.run();
    } finally {
      this.current = null;
      record.responseBytes = this.responseBytes;
    }
    if (record.responseBytes > (this.options.responseLimitBytes ?? REQUEST_LIMIT_BYTES))
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size (${record.responseBytes}) has exceeded the limit`,
      );
  }

  /** Largest request sent so far, in bytes. */
  largestRequest(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.bytes), 0);
  }

  totalBytes(): number {
    return this.syncs.reduce((n, s) => n + s.bytes, 0);
  }
}

/** Loaded properties of a proxy, readable only after the sync that loads them. */
class Loaded {
  private readonly values = new Map<string, unknown>();
  constructor(private readonly what: string) {}
  set(prop: string, v: unknown): void {
    this.values.set(prop, v);
  }
  get<T>(prop: string): T {
    if (!this.values.has(prop))
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `${this.what}.${prop} was not loaded (call load() and sync() first)`,
      );
    return this.values.get(prop) as T;
  }
}

function props(list: string): string[] {
  return list
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

class FakeWorkbook implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNames;
  readonly settings: FakeSettings;
  readonly application: FakeApplication;
  constructor(ctx: FakeExcelContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNames(ctx);
    this.settings = new FakeSettings(ctx);
    this.application = new FakeApplication(ctx);
  }
}

class FakeApplication {
  private readonly loaded = new Loaded('application');
  constructor(private readonly ctx: FakeExcelContext) {}
  load(list: string): unknown {
    this.ctx.call('app', 'load', list, () => {
      for (const p of props(list)) {
        if (p !== 'calculationMode')
          throw new FakeOfficeError('InvalidArgument', `application.${p}`);
        this.loaded.set(p, this.ctx.model.calculationMode);
      }
    });
    return this;
  }
  get calculationMode(): string {
    return this.loaded.get('calculationMode');
  }
  set calculationMode(mode: string) {
    this.ctx.call('app', 'calculationMode', mode, () => {
      this.ctx.model.requireApi('1.8', 'Application.calculationMode (set)');
      this.ctx.model.calculationMode = mode;
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.call('app', 'suspendApiCalculationUntilNextSync', null, () => {
      this.ctx.model.requireApi('1.8', 'suspendApiCalculationUntilNextSync');
      this.ctx.markSuspended();
    });
  }
}

class FakeSettings {
  constructor(private readonly ctx: FakeExcelContext) {}
  add(key: string, value: unknown): unknown {
    this.ctx.call('settings', 'add', { key, value }, () => {
      this.ctx.model.requireApi('1.4', 'settings');
      this.ctx.model.settings.set(key, JSON.stringify(value));
    });
    return undefined;
  }
  getItemOrNullObject(key: string): XlSetting {
    return new FakeSetting(this.ctx, key);
  }
}

class FakeSetting implements XlSetting {
  private readonly loaded: Loaded;
  constructor(
    private readonly ctx: FakeExcelContext,
    private readonly key: string,
  ) {
    this.loaded = new Loaded(`setting ${key}`);
    ctx.call('settings', 'getItemOrNullObject', key, () =>
      this.loaded.set('isNullObject', !ctx.model.settings.has(key)),
    );
  }
  load(list: string): unknown {
    this.ctx.call(`settings/${this.key}`, 'load', list, () => {
      const text = this.ctx.model.settings.get(this.key);
      const value = text === undefined ? null : (JSON.parse(text) as unknown);
      this.ctx.respond(value);
      this.loaded.set('value', value);
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.loaded.get('isNullObject');
  }
  get value(): unknown {
    return this.loaded.get('value');
  }
  delete(): void {
    this.ctx.call(`settings/${this.key}`, 'delete', null, () =>
      this.ctx.model.settings.delete(this.key),
    );
  }
}

const NAME_PROPS = ['name', 'formula', 'visible', 'value'] as const;

/** A name proxy: loads name, formula, visible and value (a constant's value, unquoted). */
class FakeNamedItem implements XlNamedItem {
  private readonly loaded: Loaded;
  constructor(
    private readonly ctx: FakeExcelContext,
    private readonly slot: Slot<FakeName | null>,
    private readonly path: string,
    private readonly list: () => FakeName[],
  ) {
    this.loaded = new Loaded(path);
  }
  private item(): FakeName {
    const n = this.slot.get(this.path);
    if (!n) throw new FakeOfficeError('ItemNotFound', `${this.path} does not exist`);
    return n;
  }
  load(list: string): unknown {
    this.ctx.call(this.path, 'load', list, () => {
      const n = this.slot.get(this.path);
      this.loaded.set('isNullObject', n === null);
      if (!n) return;
      for (const p of props(list)) {
        if (!(NAME_PROPS as readonly string[]).includes(p))
          throw new FakeOfficeError(
            'InvalidArgument',
            `NamedItem.${p} is not supported by the fake`,
          );
        if (p === 'formula') this.ctx.model.requireApi('1.7', 'NamedItem.formula');
        const constant = /^="((?:[^"]|"")*)"$/.exec(n.reference);
        const value =
          p === 'visible'
            ? n.visible !== false
            : p === 'value'
              ? constant
                ? constant[1]!.replace(/""/g, '"')
                : n.reference.replace(/^=/, '')
              : p === 'formula'
                ? n.reference
                : n.name;
        this.ctx.respond(value);
        this.loaded.set(p, value);
      }
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.loaded.get('isNullObject');
  }
  get name(): string {
    return this.loaded.get('name');
  }
  get formula(): unknown {
    return this.loaded.get('formula');
  }
  get visible(): boolean {
    return this.loaded.get('visible');
  }
  set visible(v: boolean) {
    this.ctx.call(this.path, 'visible', v, () => {
      const n = this.item();
      if (v) delete n.visible;
      else n.visible = false;
    });
  }
  delete(): void {
    this.ctx.call(this.path, 'delete', null, () => {
      const n = this.item();
      const list = this.list();
      list.splice(list.indexOf(n), 1);
    });
  }
}

/**
 * workbook.names (scope: the workbook) or worksheet.names (scope: that sheet, ExcelApi 1.4).
 * Like Excel, each collection lists only its own scope, and a name is unique within its scope.
 */
class FakeNames implements XlNamedItemCollection {
  private readonly loaded = new Loaded('names');
  constructor(
    private readonly ctx: FakeExcelContext,
    private readonly path = 'names',
    /** The names of the scope, resolved when the queue runs. */
    private readonly scope: () => FakeName[] = () => ctx.model.names,
  ) {}
  private find(name: string): FakeName | undefined {
    return this.scope().find((n) => n.name.toLowerCase() === name.toLowerCase());
  }
  load(list: string): unknown {
    this.ctx.call(this.path, 'load', list, () => {
      const items = this.scope().map((n) => ({ name: n.name, formula: n.reference }));
      this.ctx.respond(items);
      this.loaded.set('items', items);
    });
    return this;
  }
  get items(): Array<{ name: string; formula: unknown }> {
    return this.loaded.get('items');
  }
  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.ctx.call(`${this.path}/${name}`, 'delete', null, () => {
          const found = this.find(name);
          if (!found) throw new FakeOfficeError('ItemNotFound', `No name ${name}`);
          const list = this.scope();
          list.splice(list.indexOf(found), 1);
        }),
    };
  }
  getItemOrNullObject(name: string): XlNamedItem {
    const slot = new Slot<FakeName | null>();
    this.ctx.call(this.path, 'getItemOrNullObject', name, () => {
      this.ctx.model.requireApi('1.4', 'names.getItemOrNullObject');
      slot.set(this.find(name) ?? null);
    });
    return new FakeNamedItem(this.ctx, slot, `${this.path}/${name}`, () => this.scope());
  }
  add(name: string, reference: string, comment?: string): { visible: boolean } {
    const slot = new Slot<FakeName | null>();
    this.ctx.call(this.path, 'add', { name, reference, comment }, () => {
      this.ctx.model.requireApi('1.4', 'names.add');
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
        throw new FakeOfficeError('InvalidArgument', `Invalid name ${name}`);
      if (this.find(name))
        throw new FakeOfficeError('ItemAlreadyExists', `The name ${name} already exists`);
      const item: FakeName =
        comment === undefined ? { name, reference } : { name, reference, comment };
      this.scope().push(item);
      slot.set(item);
    });
    return new FakeNamedItem(this.ctx, slot, `${this.path}/${name}`, () => this.scope());
  }
}

const SHEET_PROPS = ['name', 'id', 'position', 'tabColor', 'visibility'] as const;

class FakeWorksheetCollection implements XlWorksheetCollection {
  private readonly loaded = new Loaded('worksheets');
  private added = 0;
  constructor(private readonly ctx: FakeExcelContext) {}

  load(list: string): unknown {
    this.ctx.call('worksheets', 'load', list, () => {
      const wanted = props(list).map((p) => p.replace(/^items\//, ''));
      const items = this.ctx.model.sheets.map((s) => {
        const slot = new Slot<FakeSheet>();
        slot.set(s);
        const ws = new FakeWorksheet(this.ctx, slot, `ws[${s.id}]`);
        ws.fill(wanted);
        return ws;
      });
      this.loaded.set('items', items);
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    return this.loaded.get('items');
  }
  add(name?: string): XlWorksheet {
    const slot = new Slot<FakeSheet>();
    const n = ++this.added;
    this.ctx.call('worksheets', 'add', name ?? null, () =>
      slot.set(this.ctx.model.addSheet(name ?? `Лист${this.ctx.model.sheets.length + 1}`)),
    );
    return new FakeWorksheet(this.ctx, slot, `ws[new${n}]`);
  }
  getItem(key: string): XlWorksheet {
    const slot = new Slot<FakeSheet>();
    this.ctx.call('worksheets', 'getItem', key, () => slot.set(this.ctx.model.sheet(key)));
    return new FakeWorksheet(this.ctx, slot, `ws[${key}]`);
  }
  getItemOrNullObject(key: string): XlWorksheet {
    const slot = new Slot<FakeSheet | null>();
    this.ctx.call('worksheets', 'getItemOrNullObject', key, () =>
      slot.set(this.ctx.model.findSheet(key) ?? null),
    );
    return new FakeWorksheet(this.ctx, slot, `ws[${key}]`);
  }
  getActiveWorksheet(): XlWorksheet {
    const slot = new Slot<FakeSheet>();
    this.ctx.call('worksheets', 'getActiveWorksheet', null, () =>
      slot.set(this.ctx.model.sheet(this.ctx.model.activeSheetId ?? '')),
    );
    return new FakeWorksheet(this.ctx, slot, 'ws[active]');
  }
}

export class FakeWorksheet implements XlWorksheet {
  private readonly loaded: Loaded;
  readonly freezePanes: XlWorksheet['freezePanes'];
  readonly autoFilter: XlWorksheet['autoFilter'];
  readonly pageLayout: XlWorksheet['pageLayout'];
  readonly names: XlNamedItemCollection;

  constructor(
    private readonly ctx: FakeExcelContext,
    private readonly slot: Slot<FakeSheet | null>,
    private readonly path: string,
  ) {
    this.loaded = new Loaded(path);
    const sheet = () => this.sheet();
    this.names = new FakeNames(ctx, `${path}/names`, () => sheet().names);
    const call = (member: string, args: unknown, run: () => void) =>
      ctx.call(path, member, args, run);
    const model = ctx.model;
    this.freezePanes = {
      freezeAt: (range) =>
        call('freezeAt', range, () => {
          const a = parseArea(range);
          sheet().freeze = { rows: a.bottom + 1, cols: a.right + 1 };
        }),
      freezeRows: (count = 1) =>
        call('freezeRows', count, () => (sheet().freeze = { rows: count, cols: 0 })),
      freezeColumns: (count = 1) =>
        call('freezeColumns', count, () => (sheet().freeze = { rows: 0, cols: count })),
      unfreeze: () => call('unfreeze', null, () => (sheet().freeze = null)),
    };
    this.autoFilter = {
      apply: (range) =>
        call('autoFilter.apply', range, () => {
          model.requireApi('1.9', 'autoFilter');
          sheet().autoFilter = range;
        }),
      remove: () =>
        call('autoFilter.remove', null, () => {
          model.requireApi('1.9', 'autoFilter');
          sheet().autoFilter = null;
        }),
    };
    const layout = () => {
      model.requireApi('1.9', 'pageLayout');
      return sheet().pageLayout;
    };
    this.pageLayout = {
      get orientation() {
        throw new FakeOfficeError('PropertyNotLoaded', 'pageLayout.orientation');
      },
      set orientation(v: string) {
        call('pageLayout.orientation', v, () => (layout().orientation = v));
      },
      get paperSize(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'pageLayout.paperSize');
      },
      set paperSize(v: string) {
        call('pageLayout.paperSize', v, () => (layout().paperSize = v));
      },
      get zoom(): Record<string, number> {
        throw new FakeOfficeError('PropertyNotLoaded', 'pageLayout.zoom');
      },
      set zoom(v: Record<string, number>) {
        call('pageLayout.zoom', v, () => (layout().zoom = { ...v }));
      },
      setPrintTitleRows: (rows) =>
        call('setPrintTitleRows', rows, () => (layout().titleRows = rows)),
    };
  }

  /** The model sheet this proxy stands for (at the point of the queue being run). */
  sheet(): FakeSheet {
    const s = this.slot.get(this.path);
    if (!s) throw new FakeOfficeError('ItemNotFound', `${this.path} does not exist`);
    return s;
  }

  fill(wanted: string[]): void {
    const s = this.slot.get(this.path);
    this.loaded.set('isNullObject', s === null);
    if (!s) return;
    for (const p of wanted) {
      if (!(SHEET_PROPS as readonly string[]).includes(p))
        throw new FakeOfficeError('InvalidArgument', `Worksheet.${p} is not supported by the fake`);
      const value =
        p === 'position'
          ? this.ctx.model.sheets.indexOf(s)
          : s[p as Exclude<(typeof SHEET_PROPS)[number], 'position'>];
      this.ctx.respond(value);
      this.loaded.set(p, value);
    }
  }

  load(list: string): unknown {
    this.ctx.call(this.path, 'load', list, () => this.fill(props(list)));
    return this;
  }
  get isNullObject(): boolean {
    return this.loaded.get('isNullObject');
  }
  get id(): string {
    return this.loaded.get('id');
  }
  get name(): string {
    return this.loaded.get('name');
  }
  set name(v: string) {
    this.ctx.call(this.path, 'name', v, () => {
      const s = this.sheet();
      this.ctx.model.validateName(v, s);
      s.name = v;
    });
  }
  get position(): number {
    return this.loaded.get('position');
  }
  set position(v: number) {
    this.ctx.call(this.path, 'position', v, () => {
      const sheets = this.ctx.model.sheets;
      const s = this.sheet();
      if (v < 0 || v >= sheets.length)
        throw new FakeOfficeError('InvalidArgument', `position ${v}`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(v, 0, s);
    });
  }
  get tabColor(): string {
    return this.loaded.get('tabColor');
  }
  set tabColor(v: string) {
    this.ctx.call(this.path, 'tabColor', v, () => {
      this.ctx.model.requireApi('1.7', 'tabColor');
      this.sheet().tabColor = v;
    });
  }
  get visibility(): string {
    return this.loaded.get('visibility');
  }
  set visibility(v: string) {
    this.ctx.call(this.path, 'visibility', v, () => {
      this.ctx.model.requireApi('1.2', 'Worksheet.visibility (set)');
      const s = this.sheet();
      if (
        v !== 'Visible' &&
        this.ctx.model.sheets.every((x) => x === s || x.visibility !== 'Visible')
      )
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep one visible worksheet');
      s.visibility = v;
    });
  }
  copy(
    positionType: 'None' | 'Before' | 'After' | 'Beginning' | 'End' = 'None',
    relativeTo?: XlWorksheet,
  ): FakeWorksheet {
    const slot = new Slot<FakeSheet | null>();
    this.ctx.call(this.path, 'copy', positionType, () => {
      this.ctx.model.requireApi('1.10', 'Worksheet.copy');
      const anchor = relativeTo ? (relativeTo as FakeWorksheet).sheet() : undefined;
      slot.set(this.ctx.model.copySheet(this.sheet(), positionType, anchor));
    });
    return new FakeWorksheet(this.ctx, slot, `${this.path}/copy`);
  }
  getRange(address?: string): XlRange {
    const area =
      address === undefined
        ? { top: 0, left: 0, bottom: 1_048_575, right: 16_383 }
        : parseArea(address);
    const slot = new Slot<Area | null>();
    slot.set(area);
    return new FakeRange(this.ctx, () => this.sheet(), slot, `${this.path}/${address ?? '*'}`);
  }
  getUsedRangeOrNullObject(valuesOnly = false): XlRange {
    const slot = new Slot<Area | null>();
    this.ctx.call(this.path, 'getUsedRangeOrNullObject', valuesOnly, () => {
      this.ctx.model.requireApi('1.4', 'getUsedRangeOrNullObject');
      slot.set(this.sheet().usedArea(valuesOnly));
    });
    return new FakeRange(this.ctx, () => this.sheet(), slot, `${this.path}/used`);
  }
  delete(): void {
    this.ctx.call(this.path, 'delete', null, () => this.ctx.model.deleteSheet(this.sheet()));
  }
  activate(): void {
    this.ctx.call(
      this.path,
      'activate',
      null,
      () => (this.ctx.model.activeSheetId = this.sheet().id),
    );
  }
}

const MAX_STYLED_CELLS = 2_000_000;

class FakeRange implements XlRange {
  private readonly loaded: Loaded;
  readonly format: XlRangeFormat;
  readonly conditionalFormats: XlRange['conditionalFormats'];

  constructor(
    private readonly ctx: FakeExcelContext,
    private readonly sheet: () => FakeSheet,
    private readonly area: Slot<Area | null>,
    private readonly path: string,
  ) {
    this.loaded = new Loaded(path);
    this.format = this.makeFormat();
    const model = ctx.model;
    this.conditionalFormats = {
      add: (type) => {
        const slot = new Slot<FakeConditionalFormat>();
        ctx.call(path, 'conditionalFormats.add', type, () => {
          model.requireApi('1.6', 'conditionalFormats');
          const cf: FakeConditionalFormat = { range: areaAddress(this.resolved()) };
          this.sheet().conditionalFormats.push(cf);
          slot.set(cf);
        });
        const set = (member: string, v: unknown, apply: (cf: FakeConditionalFormat) => void) =>
          ctx.call(`${path}/cf`, member, v, () => apply(slot.get('conditional format')));
        const cf: XlConditionalFormat = {
          cellValue: {
            format: {
              fill: {
                get color(): string {
                  throw new FakeOfficeError('PropertyNotLoaded', 'fill.color');
                },
                set color(v: string) {
                  set('fill.color', v, (c) => (c.fill = v));
                },
              },
              font: {
                get color(): string {
                  throw new FakeOfficeError('PropertyNotLoaded', 'font.color');
                },
                set color(v: string) {
                  set('font.color', v, (c) => (c.fontColor = v));
                },
                get bold(): boolean {
                  throw new FakeOfficeError('PropertyNotLoaded', 'font.bold');
                },
                set bold(v: boolean) {
                  set('font.bold', v, (c) => (c.bold = v));
                },
              },
            },
            get rule(): { formula1: string; operator: string } {
              throw new FakeOfficeError('PropertyNotLoaded', 'rule');
            },
            set rule(v: { formula1: string; operator: string }) {
              set('rule', v, (c) => {
                c.formula1 = v.formula1;
                c.operator = v.operator;
              });
            },
          },
        };
        return cf;
      },
      clearAll: () =>
        ctx.call(path, 'conditionalFormats.clearAll', null, () => {
          model.requireApi('1.6', 'conditionalFormats');
          const area = this.resolved();
          const s = this.sheet();
          s.conditionalFormats = s.conditionalFormats.filter(
            (cf) => !overlaps(parseArea(cf.range), area),
          );
        }),
    };
  }

  private resolved(): Area {
    const a = this.area.get(this.path);
    if (!a) throw new FakeOfficeError('ItemNotFound', `${this.path} is a null object`);
    return a;
  }

  private cellsOf(limit: number): Array<[number, number]> {
    const a = this.resolved();
    if (areaRows(a) * areaColumns(a) > limit)
      throw new FakeOfficeError('InvalidArgument', `${this.path}: too many cells for the fake`);
    const cells: Array<[number, number]> = [];
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) cells.push([r, c]);
    return cells;
  }

  private style(member: string, value: unknown): void {
    this.ctx.call(this.path, member, value, () => {
      const s = this.sheet();
      for (const [r, c] of this.cellsOf(MAX_STYLED_CELLS)) s.ensure(r, c).style[member] = value;
    });
  }

  private makeFormat(): XlRangeFormat {
    const style = (member: string, v: unknown) => this.style(member, v);
    const notLoaded = (what: string): never => {
      throw new FakeOfficeError('PropertyNotLoaded', what);
    };
    const font: XlFont = {
      get bold() {
        return notLoaded('font.bold');
      },
      set bold(v) {
        style('font.bold', v);
      },
      get italic() {
        return notLoaded('font.italic');
      },
      set italic(v) {
        style('font.italic', v);
      },
      get size() {
        return notLoaded('font.size');
      },
      set size(v) {
        style('font.size', v);
      },
      get color() {
        return notLoaded('font.color');
      },
      set color(v) {
        style('font.color', v);
      },
      get underline() {
        return notLoaded('font.underline');
      },
      set underline(v) {
        style('font.underline', v);
      },
    };
    const columnWidth = (v: number) =>
      this.ctx.call(this.path, 'format.columnWidth', v, () => {
        const a = this.resolved();
        for (let c = a.left; c <= a.right; c++) this.sheet().columnWidths.set(c, v);
      });
    const rowHeight = (v: number) =>
      this.ctx.call(this.path, 'format.rowHeight', v, () => {
        this.ctx.model.requireApi('1.2', 'format.rowHeight');
        const a = this.resolved();
        for (let r = a.top; r <= a.bottom; r++) this.sheet().rowHeights.set(r, v);
      });
    return {
      font,
      get rowHeight() {
        return notLoaded('rowHeight');
      },
      set rowHeight(v: number) {
        rowHeight(v);
      },
      fill: {
        get color() {
          return notLoaded('fill.color');
        },
        set color(v: string) {
          style('fill.color', v);
        },
      },
      get wrapText() {
        return notLoaded('wrapText');
      },
      set wrapText(v: boolean) {
        style('wrapText', v);
      },
      get horizontalAlignment() {
        return notLoaded('horizontalAlignment');
      },
      set horizontalAlignment(v: string) {
        style('horizontalAlignment', v);
      },
      get verticalAlignment() {
        return notLoaded('verticalAlignment');
      },
      set verticalAlignment(v: string) {
        style('verticalAlignment', v);
      },
      get columnWidth() {
        return notLoaded('columnWidth');
      },
      set columnWidth(v: number) {
        columnWidth(v);
      },
      borders: {
        getItem: (edge): XlBorder => ({
          get style(): string {
            return notLoaded('border.style');
          },
          set style(v: string) {
            style(`border.${edge}`, v);
          },
        }),
      },
    };
  }

  load(list: string): unknown {
    this.ctx.call(this.path, 'load', list, () => {
      const area = this.area.get(this.path);
      this.loaded.set('isNullObject', area === null);
      if (!area) return;
      const s = this.sheet();
      const matrix = <T>(f: (r: number, c: number) => T): T[][] => {
        const rows: T[][] = [];
        for (let r = area.top; r <= area.bottom; r++) {
          const row: T[] = [];
          for (let c = area.left; c <= area.right; c++) row.push(f(r, c));
          rows.push(row);
        }
        return rows;
      };
      for (const p of props(list)) {
        let value: unknown;
        switch (p) {
          case 'address':
            value = `${quoteSheet(s.name)}!${areaAddress(area)}`;
            break;
          case 'rowCount':
            value = areaRows(area);
            break;
          case 'columnCount':
            value = areaColumns(area);
            break;
          case 'rowIndex':
            value = area.top;
            break;
          case 'columnIndex':
            value = area.left;
            break;
          case 'values':
            value = matrix((r, c) => {
              const cell = s.cell(r, c);
              return cell?.error ?? cell?.value ?? '';
            });
            break;
          case 'formulas':
            value = matrix((r, c) => {
              const cell = s.cell(r, c);
              if (cell?.formula !== undefined) return `=${cell.formula}`;
              return cell?.error ?? cell?.value ?? '';
            });
            break;
          case 'numberFormat':
            value = matrix((r, c) => s.cell(r, c)?.numberFormat ?? 'General');
            break;
          case 'valueTypes':
            value = matrix((r, c) => {
              const cell = s.cell(r, c);
              if (!cell) return 'Empty';
              if (cell.error !== undefined) return 'Error';
              if (typeof cell.value === 'number') return 'Double';
              if (typeof cell.value === 'boolean') return 'Boolean';
              if (typeof cell.value === 'string') return 'String';
              return 'Empty';
            });
            break;
          default:
            throw new FakeOfficeError('InvalidArgument', `Range.${p} is not supported by the fake`);
        }
        this.ctx.respond(value);
        this.loaded.set(p, value);
      }
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.loaded.get('isNullObject');
  }
  get address(): string {
    return this.loaded.get('address');
  }
  get rowCount(): number {
    return this.loaded.get('rowCount');
  }
  get columnCount(): number {
    return this.loaded.get('columnCount');
  }
  get rowIndex(): number {
    return this.loaded.get('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded.get('columnIndex');
  }
  get valueTypes(): string[][] {
    return this.loaded.get('valueTypes');
  }

  private writeMatrix(
    member: string,
    data: unknown[][],
    apply: (r: number, c: number, v: unknown) => void,
  ): void {
    this.ctx.call(this.path, member, data, () => {
      const a = this.resolved();
      if (data.length !== areaRows(a) || data.some((row) => row.length !== areaColumns(a)))
        throw new FakeOfficeError(
          'InvalidArgument',
          `${this.path}.${member}: the array does not match the size of the range`,
        );
      data.forEach((row, r) => row.forEach((v, c) => apply(a.top + r, a.left + c, v)));
    });
  }

  get values(): unknown[][] {
    return this.loaded.get('values');
  }
  set values(data: unknown[][]) {
    this.writeMatrix('values', data, (r, c, v) => {
      if (v !== null && v !== undefined) writeCell(this.sheet().ensure(r, c), v, false);
    });
  }
  get formulas(): unknown[][] {
    return this.loaded.get('formulas');
  }
  set formulas(data: unknown[][]) {
    this.writeMatrix('formulas', data, (r, c, v) => {
      if (v !== null && v !== undefined) writeCell(this.sheet().ensure(r, c), v, true);
    });
  }
  get numberFormat(): unknown[][] {
    return this.loaded.get('numberFormat');
  }
  set numberFormat(data: unknown[][]) {
    this.writeMatrix('numberFormat', data, (r, c, v) => {
      if (typeof v === 'string') this.sheet().ensure(r, c).numberFormat = v;
    });
  }
  get hyperlink(): XlHyperlink {
    return this.loaded.get('hyperlink');
  }
  set hyperlink(link: XlHyperlink) {
    this.ctx.call(this.path, 'hyperlink', link, () => {
      this.ctx.model.requireApi('1.7', 'Range.hyperlink');
      const a = this.resolved();
      const cell = this.sheet().ensure(a.top, a.left);
      cell.hyperlink = { ...link };
      if (link.textToDisplay !== undefined) {
        cell.value = link.textToDisplay;
        delete cell.formula;
      }
    });
  }
  merge(across = false): void {
    this.ctx.call(this.path, 'merge', across, () => {
      const a = this.resolved();
      const s = this.sheet();
      s.merges = s.merges.filter((m) => !overlaps(m, a));
      const areas = across
        ? Array.from({ length: a.bottom - a.top + 1 }, (_, i) => ({
            ...a,
            top: a.top + i,
            bottom: a.top + i,
          }))
        : [{ ...a }];
      for (const m of areas) {
        s.merges.push(m);
        // Excel keeps only the top-left value of a merged area.
        for (const [r, c, cell] of [...s.entries()])
          if (
            r >= m.top &&
            r <= m.bottom &&
            c >= m.left &&
            c <= m.right &&
            (r !== m.top || c !== m.left)
          ) {
            cell.value = null;
            delete cell.formula;
            delete cell.error;
          }
      }
    });
  }
  unmerge(): void {
    this.ctx.call(this.path, 'unmerge', null, () => {
      const a = this.resolved();
      const s = this.sheet();
      s.merges = s.merges.filter((m) => !overlaps(m, a));
    });
  }
  clear(applyTo: 'All' = 'All'): void {
    this.ctx.call(this.path, 'clear', applyTo, () => this.sheet().clear(this.resolved()));
  }
  getMergedAreasOrNullObject(): XlRangeAreas {
    const loaded = new Loaded(`${this.path}/merged`);
    const slot = new Slot<string | null>();
    this.ctx.call(this.path, 'getMergedAreasOrNullObject', null, () => {
      this.ctx.model.requireApi('1.13', 'getMergedAreasOrNullObject');
      const a = this.resolved();
      const s = this.sheet();
      const found = s.merges.filter((m) => overlaps(m, a));
      slot.set(
        found.length === 0
          ? null
          : found.map((m) => `${quoteSheet(s.name)}!${areaAddress(m)}`).join(','),
      );
    });
    const ctx = this.ctx;
    return {
      load(list: string): unknown {
        ctx.call('merged', 'load', list, () => {
          const address = slot.get('merged areas');
          loaded.set('isNullObject', address === null);
          if (address !== null) {
            ctx.respond(address);
            loaded.set('address', address);
          }
        });
        return this;
      },
      get isNullObject(): boolean {
        return loaded.get('isNullObject');
      },
      get address(): string {
        return loaded.get('address');
      },
    };
  }
}
