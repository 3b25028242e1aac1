/**
 * What an older Excel cannot do, said at the top of the tab it affects, in plain words (no API
 * set numbers: those are in the README for administrators).
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { HostFeatures } from './host';
import type { ViewId } from './views';

const UPDATE = 'Обновите Office или откройте книгу в Excel в Интернете, чтобы это заработало.';

export function viewLimits(features: HostFeatures, view: ViewId): string[] {
  const out: string[] = [];
  if (view === 'check') {
    if (!features.mergedAreas)
      out.push(
        'Эта версия Excel не сообщает надстройке об объединённых ячейках: строки одного мероприятия, объединённые в таблице, могут быть приняты за отдельные строки.',
      );
    if (!features.copySheet && !features.undoGroup)
      out.push(
        'Исправления недоступны: эта версия Excel не умеет ни отменять действия надстройки, ни копировать лист, а без копии надстройка ваш лист не меняет.',
      );
  }
  if (view === 'results' || view === 'report') {
    if (!features.suspendCalculation)
      out.push(
        'Эта версия Excel пересчитывает формулы во время записи листов: большие расчёты займут больше времени.',
      );
    if (!features.autoFilter)
      out.push(
        'На созданных листах не будет автофильтра и настроек печати: эта версия Excel их не задаёт.',
      );
  }
  if (view === 'report' && !features.charts)
    out.push(
      'Диаграмма на своде не будет построена: эта версия Excel не умеет добавлять диаграммы.',
    );
  return out.length > 0 ? [...out, UPDATE] : out;
}

export function LimitsBar({ features, view }: { features: HostFeatures; view: ViewId }) {
  const limits = viewLimits(features, view);
  if (limits.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        {limits.map((text) => (
          <p key={text} style={{ margin: '0 0 4px' }}>
            {text}
          </p>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
