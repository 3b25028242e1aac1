/**
 * The task pane: four views over one PaneHost, in the Office theme, with the settings loaded from
 * the workbook once and shared by every view.
 */
import {
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SheetCheck } from '../core/plan/check';
import { defaultSettings, parseSettings, type Settings } from '../core/settings';
import { russianError } from './errors';
import type { PaneHost } from './host';
import { NoticeBar, type Notice } from './ui';
import { PlanCheckView } from './views/PlanCheckView';
import { ReportView } from './views/ReportView';
import { ResultsView } from './views/ResultsView';
import { SettingsView } from './views/SettingsView';

export type ViewId = 'check' | 'results' | 'report' | 'settings';

const VIEWS: Array<{ id: ViewId; title: string }> = [
  { id: 'check', title: 'Проверка плана' },
  { id: 'results', title: 'Результаты и критерии' },
  { id: 'report', title: 'Отчёт по школам' },
  { id: 'settings', title: 'Настройки' },
];

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    fontSize: tokens.fontSizeBase300,
  },
  header: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  tabs: { flexWrap: 'wrap' },
  body: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    flexGrow: 1,
  },
});

export interface AppProps {
  host: PaneHost;
  theme: Theme;
  /** "Today" as ISO yyyy-mm-dd (overdue activities, the report date). */
  today: string;
  initialView?: ViewId;
}

export function App({ host, theme, today, initialView = 'check' }: AppProps) {
  const styles = useStyles();
  const [view, setView] = useState<ViewId>(initialView);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [plan, setPlan] = useState<SheetCheck | null>(null);

  useEffect(() => {
    let live = true;
    host
      .loadSettings()
      .then((stored) => {
        if (!live) return;
        if (stored === null) return setSettings(defaultSettings());
        const parsed = parseSettings(stored);
        if (parsed.ok) return setSettings(parsed.settings);
        setSettings(defaultSettings());
        setNotice({
          intent: 'warning',
          text: `Сохранённые в книге настройки не приняты (${parsed.errors.join('; ')}); действуют значения по умолчанию. Проверьте вкладку «Настройки» и сохраните их заново.`,
        });
      })
      .catch((error: unknown) => {
        if (!live) return;
        setSettings(defaultSettings());
        setNotice({
          intent: 'warning',
          text: russianError(
            error,
            'Настройки книги не прочитаны; действуют значения по умолчанию',
          ),
        });
      });
    return () => {
      live = false;
    };
  }, [host]);

  async function saveSettings(s: Settings): Promise<void> {
    await host.saveSettings(s);
    setSettings(s);
  }

  return (
    <FluentProvider theme={theme} className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>ШНОР: дорожные карты</h1>
        <TabList
          className={styles.tabs}
          selectedValue={view}
          onTabSelect={(_, d) => setView(d.value as ViewId)}
          size="small"
          aria-label="Разделы надстройки"
        >
          {VIEWS.map((v) => (
            <Tab key={v.id} value={v.id}>
              {v.title}
            </Tab>
          ))}
        </TabList>
      </header>
      <main
        className={styles.body}
        role="tabpanel"
        aria-label={VIEWS.find((v) => v.id === view)?.title}
      >
        <NoticeBar notice={notice} />
        {settings === null ? (
          <Spinner size="small" label="Загружаю настройки книги…" />
        ) : (
          <>
            {/* Views stay mounted so their results survive switching tabs. */}
            <div hidden={view !== 'check'}>
              <PlanCheckView
                host={host}
                settings={settings}
                today={today}
                check={plan}
                onChecked={setPlan}
              />
            </div>
            <div hidden={view !== 'results'}>
              <ResultsView host={host} settings={settings} onSettings={saveSettings} />
            </div>
            <div hidden={view !== 'report'}>
              <ReportView host={host} settings={settings} today={today} plan={plan} />
            </div>
            <div hidden={view !== 'settings'}>
              <SettingsView settings={settings} onSave={saveSettings} />
            </div>
          </>
        )}
      </main>
    </FluentProvider>
  );
}
