/**
 * One planned write → the office.js calls that make it. Only queues calls: the caller syncs once
 * per batch.
 */
import { columnLetter } from '../core/grid';
import type { CellStyle, ConditionalFormat } from '../core/patch';
import type { XlRangeFormat, XlWorksheet } from './api';
import type { WriteOp } from './writeBatches';

const ALIGN: Record<string, string> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
  top: 'Top',
  middle: 'Center',
  bottom: 'Bottom',
};
const EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
] as const;
const OPERATORS: Record<ConditionalFormat['operator'], string> = {
  greaterThanOrEqual: 'GreaterThanOrEqual',
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  lessThanOrEqual: 'LessThanOrEqual',
  equal: 'EqualTo',
};

function applyStyle(format: XlRangeFormat, style: Omit<CellStyle, 'numFmt'>): void {
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = `#${style.fontColor}`;
  if (style.underline !== undefined) format.font.underline = style.underline ? 'Single' : 'None';
  if (style.fill !== undefined) format.fill.color = `#${style.fill}`;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.hAlign !== undefined) format.horizontalAlignment = ALIGN[style.hAlign]!;
  if (style.vAlign !== undefined) format.verticalAlignment = ALIGN[style.vAlign]!;
  if (style.border !== undefined) {
    const line = style.border === 'thin' ? 'Continuous' : 'None';
    for (const edge of EDGES) format.borders.getItem(edge).style = line;
  }
}

/** A conditional-format threshold as office.js wants it: a formula with "=". */
function ruleFormula(value: string): string {
  return value.startsWith('=') ? value : `=${value}`;
}

export function executeWrite(ws: XlWorksheet, op: WriteOp): void {
  switch (op.kind) {
    case 'numberFormat':
      ws.getRange(op.address).numberFormat = op.formats;
      return;
    case 'values':
      ws.getRange(op.address).values = op.values;
      return;
    case 'formulas':
      ws.getRange(op.address).formulas = op.formulas;
      return;
    case 'style':
      applyStyle(ws.getRange(op.address).format, op.style);
      return;
    case 'merge':
      ws.getRange(op.address).merge(false);
      return;
    case 'columnWidth':
      ws.getRange(`${op.column}:${op.column}`).format.columnWidth = op.points;
      return;
    case 'rowHeight':
      ws.getRange(op.rows).format.rowHeight = op.points;
      return;
    case 'hyperlink':
      ws.getRange(op.address).hyperlink = op.link;
      return;
    case 'conditional': {
      const cf = ws.getRange(op.format.range).conditionalFormats.add('CellValue');
      const { fill, fontColor, bold } = op.format.style;
      if (fill) cf.cellValue.format.fill.color = `#${fill}`;
      if (fontColor) cf.cellValue.format.font.color = `#${fontColor}`;
      if (bold !== undefined) cf.cellValue.format.font.bold = bold;
      cf.cellValue.rule = {
        formula1: ruleFormula(op.format.value),
        operator: OPERATORS[op.format.operator],
      };
      return;
    }
    case 'freeze':
      if (op.rows > 0 && op.cols > 0)
        ws.freezePanes.freezeAt(`A1:${columnLetter(op.cols - 1)}${op.rows}`);
      else if (op.rows > 0) ws.freezePanes.freezeRows(op.rows);
      else ws.freezePanes.freezeColumns(op.cols);
      return;
    case 'autoFilter':
      ws.autoFilter.apply(op.address);
      return;
    case 'print':
      ws.pageLayout.orientation = op.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      ws.pageLayout.paperSize = 'A4';
      // One page wide; the height is left to Excel.
      if (op.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1 };
      if (op.print.titleRows) ws.pageLayout.setPrintTitleRows(absoluteRows(op.print.titleRows));
      return;
    case 'tabColor':
      ws.tabColor = op.color;
      return;
  }
}

/** "1:4" → "$1:$4". */
function absoluteRows(rows: string): string {
  return rows
    .split(':')
    .map((r) => `$${r.replace(/^\$/, '')}`)
    .join(':');
}
