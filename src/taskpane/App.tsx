/**
 * The task pane: five views over one PaneHost, in the Office theme, with the settings loaded from
 * the workbook once and shared by every view, one workbook job at a time (jobs.tsx) and the undo
 * of the last action (UndoPanel).
 */
import {
  Button,
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { SheetCheck } from '../core/plan/check';
import { defaultSettings, parseSettings, type Settings } from '../core/settings';
import { russianError } from './errors';
import type { PaneHost } from './host';
import { JobsProvider } from './jobs';
import { LimitsBar } from './limits';
import { NoticeBar, type Notice } from './ui';
import { UndoProvider } from './undoContext';
import { UndoPanel } from './UndoPanel';
import { TAB_VIEWS, VIEWS, type ViewId } from './views';
import { HelpView } from './views/HelpView';
import { PlanCheckView } from './views/PlanCheckView';
import { ReportView } from './views/ReportView';
import { ResultsView } from './views/ResultsView';
import { SettingsView } from './views/SettingsView';

export type { ViewId } from './views';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    fontSize: tokens.fontSizeBase300,
  },
  header: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0` },
  titleRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  title: {
    margin: `0 ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  tabs: { flexWrap: 'wrap' },
  body: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    flexGrow: 1,
  },
  viewTitle: {
    margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface AppProps {
  host: PaneHost;
  theme: Theme;
  /** "Today" as ISO yyyy-mm-dd (overdue activities, the report date). */
  today: string;
  initialView?: ViewId;
  /** Check the active sheet at once (the ribbon's «Проверить план»). */
  runCheck?: boolean;
}

export function App(props: AppProps) {
  return (
    <FluentProvider theme={props.theme} className={useStyles().root}>
      <JobsProvider>
        <UndoProvider host={props.host}>
          <Pane {...props} />
        </UndoProvider>
      </JobsProvider>
    </FluentProvider>
  );
}

function Pane({ host, today, initialView = 'check', runCheck = false }: AppProps) {
  const styles = useStyles();
  const [view, setView] = useState<ViewId>(initialView);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [plan, setPlan] = useState<SheetCheck | null>(null);
  const [recheck, setRecheck] = useState(0);
  const features = host.features();

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

  const panel = (id: ViewId, content: ReactNode) => {
    const info = VIEWS.find((v) => v.id === id)!;
    // The help is no tab: a region named by its heading.
    const isTab = id !== 'help';
    return (
      <div
        key={id}
        role={isTab ? 'tabpanel' : 'region'}
        id={`panel-${id}`}
        aria-labelledby={isTab ? `tab-${id}` : `title-${id}`}
        hidden={view !== id}
      >
        <h2 className={styles.viewTitle} id={`title-${id}`}>
          {info.title}
        </h2>
        {view === id ? (
          <UndoPanel
            host={host}
            view={view}
            onFixUndone={(sheet) => {
              if (plan?.sheet === sheet) setRecheck((n) => n + 1);
            }}
          />
        ) : null}
        <LimitsBar features={features} view={id} />
        {content}
      </div>
    );
  };

  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <h1 className={styles.title}>ШНОР: дорожные карты</h1>
          <Button
            size="small"
            appearance="subtle"
            aria-controls="panel-help"
            aria-pressed={view === 'help'}
            onClick={() => setView('help')}
          >
            Справка
          </Button>
        </div>
        <TabList
          className={styles.tabs}
          selectedValue={view === 'help' ? null : view}
          onTabSelect={(_, d) => setView(d.value as ViewId)}
          size="small"
          aria-label="Разделы надстройки"
        >
          {TAB_VIEWS.map((v) => (
            <Tab key={v.id} value={v.id} id={`tab-${v.id}`} aria-controls={`panel-${v.id}`}>
              {v.tab}
            </Tab>
          ))}
        </TabList>
      </header>
      <main className={styles.body}>
        <NoticeBar notice={notice} />
        {settings === null ? (
          <Spinner size="small" label="Загружаю настройки книги…" />
        ) : (
          // Views stay mounted so their results survive switching tabs.
          [
            panel(
              'check',
              <PlanCheckView
                host={host}
                settings={settings}
                today={today}
                check={plan}
                onChecked={setPlan}
                autoRun={runCheck}
                recheck={recheck}
              />,
            ),
            panel(
              'results',
              <ResultsView host={host} settings={settings} onSettings={saveSettings} />,
            ),
            panel(
              'report',
              <ReportView host={host} settings={settings} today={today} plan={plan} />,
            ),
            panel('settings', <SettingsView settings={settings} onSave={saveSettings} />),
            // The help keeps no state: built only while shown.
            panel(
              'help',
              view === 'help' ? <HelpView settings={settings} onOpen={setView} /> : null,
            ),
          ]
        )}
      </main>
    </>
  );
}
