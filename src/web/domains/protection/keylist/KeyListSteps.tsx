import { Steps } from 'antd';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { ApplicationView } from './api';
import { areaText } from './labels';

type StepStatus = 'finish' | 'process' | 'wait' | 'error';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** The state changes since the application was last (re)submitted: when each status was reached. */
export function stateChanges(app: Pick<ApplicationView, 'history'>): { from: string | null; to: string; at: string }[] {
  const states = app.history.filter((e) => e.kind === 'state' && str(e.payload.to)).map((e) => ({ from: str(e.payload.from), to: str(e.payload.to) as string, at: e.at }));
  let start = 0;
  states.forEach((s, i) => {
    if (s.to === 'submitted') start = i;
  });
  return states.slice(start);
}

/** 企业申请 → 县区初审 → 市局审核 → 列入名录, with the date of each step taken and who is next. */
export function KeyListSteps({ app }: { app: Pick<ApplicationView, 'status' | 'history' | 'submittedAt' | 'listedOn' | 'reviewDue' | 'areaCode' | 'areaName'> }) {
  const { t, lang } = useI18n();
  const area = areaText(lang, app.areaCode, app.areaName);
  const changes = stateChanges(app);
  const at = (s: string) => changes.find((c) => c.to === s)?.at;
  const returned = app.status === 'returned' ? changes.filter((c) => c.to === 'returned').pop() : undefined;
  const withdrawnFrom = app.status === 'withdrawn' ? changes.filter((c) => c.to === 'withdrawn').pop()?.from : undefined;

  // How far the application got: 0 submitted, 1 passed the county, 3 listed.
  const reachedOf = (s: string | null | undefined): number => (s === 'listed' || s === 'exited' ? 3 : s === 'county_passed' ? 1 : 0);
  const reached = app.status === 'returned' ? reachedOf(returned?.from) : app.status === 'withdrawn' ? reachedOf(withdrawnFrom) : reachedOf(app.status);
  const errorAt = returned ? reached + 1 : -1;
  const stopped = app.status === 'withdrawn';

  const status = (i: number): StepStatus => {
    if (i === errorAt) return 'error';
    if (i <= reached || (reached === 3 && i === 2)) return 'finish';
    if (!stopped && !returned && i === reached + 1) return 'process';
    return 'wait';
  };
  const passedAt = at('county_passed');
  const listedAt = at('listed');

  const items = [
    { title: t('kl.step.apply'), content: formatDateTime(app.submittedAt) },
    {
      title: t('kl.step.county'),
      content:
        errorAt === 1 && returned
          ? t('kl.step.returnedAt', { date: formatDate(returned.at) })
          : passedAt
            ? formatDateTime(passedAt)
            : reached === 0 && !stopped
              ? t('kl.step.countyWaiting', { area })
              : undefined,
    },
    {
      title: t('kl.step.city'),
      content:
        errorAt === 2 && returned
          ? t('kl.step.returnedAt', { date: formatDate(returned.at) })
          : listedAt
            ? formatDateTime(listedAt)
            : reached === 1 && !stopped
              ? t('kl.step.cityWaiting')
              : undefined,
    },
    {
      title: t('kl.step.listed'),
      content: app.listedOn ? t('kl.step.listedOn', { date: formatDate(app.listedOn), due: formatDate(app.reviewDue) }) : undefined,
    },
  ].map((it, i) => ({ ...it, status: status(i) }));

  const current = Math.min(3, errorAt >= 0 ? errorAt : reached === 3 ? 3 : reached + 1);
  return <Steps items={items} current={current} responsive size="small" className="xz-kl-steps" />;
}
