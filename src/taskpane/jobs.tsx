/**
 * One workbook job at a time. Every action that reads or writes the workbook (check a sheet, read
 * the results, compute, write the report, fix, undo) runs through `run`: while one runs, the
 * others are refused at once — also a second click in the same moment, which React state alone
 * would let through — and their buttons are disabled with the reason shown (JobReason).
 */
import { Caption1 } from '@fluentui/react-components';
import { createContext, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { viewTitle, type ViewId } from './views';

export interface Job {
  /** What is running, in Russian, as it reads after «Сейчас идёт …»: «запись отчёта». */
  title: string;
  /** The view that started it. */
  view: ViewId;
}

export interface Jobs {
  current: Job | null;
  /** Runs `work` unless another job runs; returns undefined when refused. */
  run<T>(job: Job, work: () => Promise<T>): Promise<T | undefined>;
}

const JobsContext = createContext<Jobs | null>(null);

export function JobsProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<Job | null>(null);
  const lock = useRef<Job | null>(null);
  const jobs = useMemo<Jobs>(
    () => ({
      current,
      async run<T>(job: Job, work: () => Promise<T>): Promise<T | undefined> {
        if (lock.current) return undefined;
        lock.current = job;
        setCurrent(job);
        try {
          return await work();
        } finally {
          lock.current = null;
          setCurrent(null);
        }
      },
    }),
    [current],
  );
  return <JobsContext.Provider value={jobs}>{children}</JobsContext.Provider>;
}

export function useJobs(): Jobs {
  const jobs = useContext(JobsContext);
  if (!jobs) throw new Error('useJobs outside JobsProvider');
  return jobs;
}

/** Why the buttons of `view` are disabled, when another view's job runs (its own shows progress). */
export function JobReason({ view }: { view: ViewId }) {
  const { current } = useJobs();
  if (!current || current.view === view) return null;
  return (
    <Caption1 role="status">
      {`Сейчас идёт ${current.title} (вкладка «${viewTitle(current.view)}»). Остальные действия с книгой будут доступны, когда эта работа закончится.`}
    </Caption1>
  );
}
