/**
 * «Вставить шаблон»: adds the standard plan sheet next to the user's sheets, under a free name,
 * and shows it. The new sheet belongs to the user from then on: it is not recorded as generated,
 * so no later run ever replaces it.
 */
import type { ApiSupport, XlContext } from './api';
import { executeWrite } from './execute';
import { DEFAULT_BATCH_BYTES } from './payload';
import { sheetNameKey, freeSheetName } from '../core/workbook/sheetNames';
import { planWrites } from './writeBatches';
import { ExcelSupportError, checkSupport, officeRequirements } from './support';
import { planTemplate } from './template';

export async function insertTemplate(
  context: XlContext,
  api: ApiSupport = officeRequirements(),
): Promise<string> {
  const support = checkSupport(api);
  if (!support.ok) throw new ExcelSupportError(support.messages.join(' '));
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const template = planTemplate();
  const name = freeSheetName(template.name, new Set(sheets.items.map((s) => sheetNameKey(s.name))));
  const ws = sheets.add(name);
  const writes = planWrites(
    { sheets: [template], names: [], removeKeys: [] },
    { [template.key]: name },
    { budgetBytes: DEFAULT_BATCH_BYTES, features: support.features },
  );
  for (const { op } of writes) executeWrite(ws, op);
  ws.activate();
  await context.sync();
  return name;
}
