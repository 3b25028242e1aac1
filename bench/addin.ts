/**
 * Add-in write path against the fake Excel: a 2 000-school report written through applyPatch.
 * Counts what the real Excel would receive: requests (syncs), the largest request, total bytes.
 */
import { applyPatch } from '../src/excel/apply';
import { REQUEST_LIMIT_BYTES } from '../src/excel/payload';
import { FakeExcelContext } from '../test/fake-excel/context';
import { FakeWorkbookModel } from '../test/fake-excel/model';
import { schoolTabsPatch } from '../test/fake-excel/synthetic';
import type { BenchRow } from './harness';
import { timeRow } from './harness';

const MB = 1024 * 1024;

export async function addinBenchmarks(schools = 2000): Promise<BenchRow[]> {
  const model = new FakeWorkbookModel();
  model.addSheet('Данные');
  const context = new FakeExcelContext(model);
  const patch = schoolTabsPatch(schools);
  const t0 = Date.now();
  const report = await applyPatch(context, patch, { api: model.requirements() });
  const ms = Date.now() - t0;
  const totalMb = context.totalBytes() / MB;
  const largestMb = context.largestRequest() / MB;
  const syncsPerMb = context.syncs.length / totalMb;
  const what = `${schools} вкладок школ (надстройка, имитация Excel)`;
  return [
    {
      name: `Запросы к Excel: ${what}`,
      value: context.syncs.length,
      unit: 'count',
      note: `${report.totalBatches} пакетов записи`,
    },
    {
      name: `Самый большой запрос: ${what}`,
      value: Math.round(largestMb * 100) / 100,
      unit: 'MB',
      target: '< 5 MB',
      met: context.largestRequest() < REQUEST_LIMIT_BYTES,
    },
    { name: `Всего передано: ${what}`, value: Math.round(totalMb * 10) / 10, unit: 'MB' },
    {
      name: `Запросов на 1 МБ: ${what}`,
      value: Math.round(syncsPerMb * 100) / 100,
      unit: 'ratio',
      target: '< 2',
      met: syncsPerMb < 2,
    },
    timeRow(
      `Запись в имитацию Excel: ${what}`,
      ms,
      undefined,
      'время адаптера и имитации, не реального Excel',
    ),
  ];
}
