/**
 * Faults for the fake Excel, armed while a test runs: a request that fails (the connection drops),
 * the user deleting or renaming a sheet between two requests of a long write, a lower request limit
 * (a request over Excel's 5 MB, without building 5 MB), and slow requests that leave time to click
 * elsewhere. Syncs are counted across every context from the moment a fault is armed.
 */
import type { FakeContextOptions, FakeExcelContext, QueuedCall } from './context';
import { FakeOfficeError, type FakeWorkbookModel } from './model';

interface Armed {
  /** Sync number (1-based, counted from arming) at which it fires. */
  at: number;
  fire: (model: FakeWorkbookModel, calls: ReadonlyArray<QueuedCall>) => void;
}

export class FakeFaults {
  private count = 0;
  private armed: Armed[] = [];
  private delayMs = 0;
  private writeChecks: Array<(calls: ReadonlyArray<QueuedCall>) => void> = [];
  /** Requests refused as over the lowered limit (limitRequests). */
  refused = 0;

  constructor(
    private readonly model: FakeWorkbookModel,
    private readonly options: FakeContextOptions,
  ) {
    options.onSync = (ctx, calls) => this.onSync(ctx, calls);
  }

  /** Syncs seen since the last reset. */
  get syncs(): number {
    return this.count;
  }

  private async onSync(
    _ctx: FakeExcelContext,
    calls: ReadonlyArray<QueuedCall & { bytes: number }>,
  ): Promise<void> {
    this.count++;
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    const due = this.armed.filter((a) => a.at === this.count);
    this.armed = this.armed.filter((a) => a.at !== this.count);
    for (const a of due) a.fire(this.model, calls);
    for (const check of [...this.writeChecks]) check(calls);
    const limit = this.options.requestLimitBytes;
    if (limit !== undefined && calls.reduce((n, c) => n + c.bytes, 0) > limit) this.refused++;
  }

  /** Forgets armed faults and delays and restarts the count. */
  reset(): void {
    this.count = 0;
    this.armed = [];
    this.writeChecks = [];
    this.delayMs = 0;
    this.refused = 0;
    delete this.options.requestLimitBytes;
  }

  /** The n-th sync from now fails before running anything. */
  failAt(n: number, code = 'GeneralException'): void {
    this.armed.push({
      at: this.count + n,
      fire: () => {
        throw new FakeOfficeError(code, 'injected fault');
      },
    });
  }

  /** Runs `fire` before the n-th request from now that writes cell values (a write under way). */
  private atWrite(n: number, fire: (model: FakeWorkbookModel) => void): void {
    let seen = 0;
    const check = (calls: ReadonlyArray<QueuedCall>) => {
      if (!calls.some((c) => c.member === 'values') || ++seen !== n) return;
      this.writeChecks = this.writeChecks.filter((c) => c !== check);
      fire(this.model);
    };
    this.writeChecks.push(check);
  }

  /** The n-th request from now that writes cell values fails before running (a write cut short). */
  failAtWrite(n: number, code = 'GeneralException'): void {
    this.atWrite(n, () => {
      throw new FakeOfficeError(code, 'injected fault');
    });
  }

  /** Before the n-th request from now that writes cell values, the user deletes the sheet. */
  deleteSheetAtWrite(n: number, name: string): void {
    this.atWrite(n, (model) => model.deleteSheet(model.sheet(name)));
  }

  /** Before the n-th request from now that writes cell values, the user renames the sheet. */
  renameSheetAtWrite(n: number, name: string, to: string): void {
    this.atWrite(n, (model) => {
      const sheet = model.sheet(name);
      model.validateName(to, sheet);
      sheet.name = to;
    });
  }

  /** Before the n-th sync from now, the user deletes the sheet. */
  deleteSheetAt(n: number, name: string): void {
    this.armed.push({
      at: this.count + n,
      fire: (model) => model.deleteSheet(model.sheet(name)),
    });
  }

  /** Before the n-th sync from now, the user renames the sheet. */
  renameSheetAt(n: number, name: string, to: string): void {
    this.armed.push({
      at: this.count + n,
      fire: (model) => {
        const sheet = model.sheet(name);
        model.validateName(to, sheet);
        sheet.name = to;
      },
    });
  }

  /** Every request waits this long first. */
  delay(ms: number): void {
    this.delayMs = ms;
  }

  /** Excel refuses requests over this many bytes (5 MB in Excel on the web). */
  limitRequests(bytes: number): void {
    this.options.requestLimitBytes = bytes;
  }
}
