/**
 * The sheet marker (core/workbook/registry.ts) in files written and read through exceljs.
 *
 * exceljs keeps only defined names that point at cells and drops the sheet a name is scoped to
 * (localSheetId), so `_shnor_key` — a sheet-scoped string constant — would be lost on every load
 * and could not be written. This module teaches exceljs that one name: it is parsed into a map of
 * worksheet id → key kept on the workbook's DefinedNames, and written back with its localSheetId,
 * hidden. Our names are also written hidden="1" (exceljs cannot mark a name hidden). Importing the
 * module installs it once.
 */
import type ExcelJS from 'exceljs';
import { LEGACY_NAME, MARKER_NAME, markerFormula, markerKey } from '../core/workbook/registry';

/* eslint-disable @typescript-eslint/no-require-imports -- exceljs internals have no typings */
interface XmlStreamLike {
  openNode(name: string, attrs?: Record<string, unknown>): void;
  writeText(t: string): void;
  closeNode(): void;
}
interface NameModel {
  name: string;
  localSheetId?: number;
  ranges: string[];
  /** Set on our marker: the formula text written as it is, and the worksheet it belongs to. */
  formula?: string;
  sheetId?: number;
}
interface DefinedNameXformProto {
  render(xml: XmlStreamLike, model: NameModel): void;
  parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
  parseClose(name: string): boolean;
  _parsedName?: string;
  _parsedLocalSheetId?: string;
  _parsedText?: string[];
  model?: NameModel;
}
interface WorkbookModelLike {
  sheets?: Array<{ id: number; name: string }>;
  definedNames?: NameModel[];
}
const DefinedNameXform = require('exceljs/lib/xlsx/xform/book/defined-name-xform') as {
  prototype: DefinedNameXformProto;
};
const WorkbookXform = require('exceljs/lib/xlsx/xform/book/workbook-xform') as {
  prototype: { prepare(model: WorkbookModelLike): void; reconcile(model: WorkbookModelLike): void };
};
const DefinedNames = require('exceljs/lib/doc/defined-names') as {
  prototype: { model: NameModel[] };
};
/* eslint-enable @typescript-eslint/no-require-imports */

const MARKERS = Symbol('shnorMarkers');
interface WithMarkers {
  [MARKERS]?: Map<number, string>;
}

const ownName = (name: string) => name === MARKER_NAME || LEGACY_NAME.test(name);

function install(): void {
  const xform = DefinedNameXform.prototype;
  if ((xform as { shnor?: boolean }).shnor) return;
  (xform as { shnor?: boolean }).shnor = true;

  xform.render = function render(xml, model) {
    xml.openNode('definedName', {
      name: model.name,
      localSheetId: model.localSheetId,
      hidden: ownName(model.name) ? '1' : undefined,
    });
    xml.writeText(model.formula ?? model.ranges.join(','));
    xml.closeNode();
  };
  const parseClose = xform.parseClose;
  xform.parseClose = function close(this: DefinedNameXformProto, name: string) {
    const result = parseClose.call(this, name);
    if (this._parsedName === MARKER_NAME && this._parsedLocalSheetId !== undefined)
      this.model = {
        name: MARKER_NAME,
        ranges: [],
        localSheetId: parseInt(this._parsedLocalSheetId, 10),
        formula: (this._parsedText ?? []).join(''),
      };
    return result;
  };

  // Loading: a marker's localSheetId (position in <sheets>) becomes the worksheet's id.
  const reconcile = WorkbookXform.prototype.reconcile;
  WorkbookXform.prototype.reconcile = function reconcileMarkers(model) {
    for (const n of model.definedNames ?? [])
      if (n.name === MARKER_NAME && n.localSheetId !== undefined)
        n.sheetId = model.sheets?.[n.localSheetId]?.id;
    reconcile.call(this, model);
  };
  // Writing: the worksheet's id becomes its position again; markers of deleted sheets go.
  const prepare = WorkbookXform.prototype.prepare;
  WorkbookXform.prototype.prepare = function prepareMarkers(model) {
    prepare.call(this, model);
    model.definedNames = (model.definedNames ?? []).flatMap((n) => {
      if (n.sheetId === undefined) return [n];
      const index = (model.sheets ?? []).findIndex((s) => s.id === n.sheetId);
      return index < 0 ? [] : [{ ...n, localSheetId: index }];
    });
  };

  // The DefinedNames object keeps the markers beside its cell names.
  const descriptor = Object.getOwnPropertyDescriptor(DefinedNames.prototype, 'model')!;
  Object.defineProperty(DefinedNames.prototype, 'model', {
    configurable: true,
    get(this: WithMarkers) {
      const names = descriptor.get!.call(this) as NameModel[];
      const markers = [...(this[MARKERS] ?? new Map<number, string>())].map(([sheetId, key]) => ({
        name: MARKER_NAME,
        ranges: [],
        sheetId,
        formula: markerFormula(key).slice(1),
      }));
      return [...names, ...markers];
    },
    set(this: WithMarkers, value: NameModel[]) {
      const markers = new Map<number, string>();
      for (const n of value ?? []) {
        const key = n.name === MARKER_NAME ? markerKey(n.formula) : null;
        if (key !== null && n.sheetId !== undefined) markers.set(n.sheetId, key);
      }
      this[MARKERS] = markers;
      descriptor.set!.call(
        this,
        (value ?? []).filter((n) => n.name !== MARKER_NAME),
      );
    },
  });
}

install();

type AnyWorkbook = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;

/** Worksheet id → marker key of a workbook (live: changes are written with the file). */
export function sheetMarkers(wb: AnyWorkbook): Map<number, string> {
  const names = wb.definedNames as unknown as WithMarkers;
  return (names[MARKERS] ??= new Map());
}
