/**
 * Which Excel API sets the client has, and what that means for the user, in Russian.
 * The floor is ExcelApi 1.7 (Microsoft 365, Excel on the web, Office 2021+, retail 2016/2019 with
 * WebView2); newer sets switch on optional features one by one.
 */
import type { ApiSupport } from './api';

export interface Features {
  /** suspendApiCalculationUntilNextSync and switching calculation to manual (ExcelApi 1.8). */
  suspendCalculation: boolean;
  /** Auto filter and page layout on generated sheets (ExcelApi 1.9). */
  autoFilter: boolean;
  pageLayout: boolean;
  /** Reading merged areas (ExcelApi 1.13). */
  mergedAreas: boolean;
}

export interface SupportCheck {
  ok: boolean;
  features: Features;
  /** Russian explanations: why nothing works (ok = false) or what will not work. */
  messages: string[];
}

export const MINIMUM_API = '1.7';

export class ExcelSupportError extends Error {
  override name = 'ExcelSupportError';
}

export function checkSupport(api: ApiSupport): SupportCheck {
  const has = (v: string) => api.isSetSupported('ExcelApi', v);
  const features: Features = {
    suspendCalculation: has('1.8'),
    autoFilter: has('1.9'),
    pageLayout: has('1.9'),
    mergedAreas: has('1.13'),
  };
  if (!has(MINIMUM_API))
    return {
      ok: false,
      features,
      messages: [
        'Эта версия Excel не поддерживает функции, нужные надстройке (набор ExcelApi 1.7). ' +
          'Надстройка работает в Microsoft 365, Excel в Интернете, Office 2021 и новее, а также в розничных Office 2016 и 2019 ' +
          'с установленной средой Microsoft Edge WebView2. Обновите Office или откройте книгу в Excel в Интернете; ' +
          'проверить план можно и командой shnor-roadmap check.',
      ],
    };
  const messages: string[] = [];
  if (!features.suspendCalculation)
    messages.push(
      'Пересчёт формул не будет приостанавливаться во время записи (нужен ExcelApi 1.8): большие отчёты создаются медленнее.',
    );
  if (!features.autoFilter)
    messages.push(
      'Автофильтр и параметры печати на созданных листах не будут установлены (нужен ExcelApi 1.9).',
    );
  if (!features.mergedAreas)
    messages.push(
      'Объединённые ячейки при чтении листа не распознаются (нужен ExcelApi 1.13): строки-продолжения могут быть приняты за отдельные строки.',
    );
  return { ok: true, features, messages };
}

/** Office.context.requirements when running inside Office. */
export function officeRequirements(): ApiSupport {
  const office = (globalThis as { Office?: { context?: { requirements?: ApiSupport } } }).Office;
  const requirements = office?.context?.requirements;
  if (!requirements)
    throw new ExcelSupportError(
      'Надстройка запущена вне Excel: библиотека office.js не загружена.',
    );
  return requirements;
}
