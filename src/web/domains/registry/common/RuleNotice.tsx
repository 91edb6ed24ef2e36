import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex } from 'antd';
import { EVER_GRANTED } from '../../../../shared/insight/drill';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { LinkButton } from '../../../app/ui/LinkButton';
import { useCompact } from '../../../app/ui/responsive';
import { landscapeApi } from '../../insight/api';
import { useAreaName } from './areas';
import { valueCriterionName } from './labels';

/**
 * Address-bar parameters that carry a statistical rule, per list. The figures of the dashboards link
 * to the records they counted with these (see shared/insight/drill.ts); a plain search never sets them.
 * A patent's or trademark's county is an ordinary facet filter; the GI list has no facets, so there
 * the county is part of the rule.
 */
export const RULE_PARAMS = {
  patents: ['landscape', 'highValue', 'criterion', 'inForce', 'granted', 'pct', 'noIpc', 'local'],
  trademarks: ['inForce', 'applied', 'registered', 'local'],
  gis: ['approvedBy', 'county', 'local'],
} as const;

export type RuleList = keyof typeof RULE_PARAMS;

/** The parameters of a list's rule, all unset: for setFilters, to clear the rule and nothing else. */
export const ruleCleared = (list: RuleList): Record<string, undefined> => Object.fromEntries(RULE_PARAMS[list].map((k) => [k, undefined]));

/** 2018-2021 → 2018–2021. */
const years = (v: string) => v.replace(/\s*-\s*/, '–');

/** The patent-navigation run a list was opened from (?landscape=<run id>): its project's name, number and date. */
function useLandscapeRun(runId: string | undefined) {
  const id = Number(runId);
  return useQuery({ queryKey: ['landscape-run', id], queryFn: ({ signal }) => landscapeApi.getRun(id, signal), enabled: Number.isInteger(id) && id > 0, staleTime: Infinity, retry: false });
}

/** The rule in plain words, one phrase per parameter set; empty when no rule is active. */
export function useRuleParts(list: RuleList, f: Record<string, string | undefined>): string[] {
  const { t, lang } = useI18n();
  const areaName = useAreaName();
  const run = useLandscapeRun(list === 'patents' ? f.landscape : undefined);
  const out: string[] = [];
  if (list === 'patents' && f.landscape) {
    const r = run.data;
    out.push(r ? t('rule.landscape', { name: r.landscapeName, n: r.runNumber, date: formatDate(r.finishedAt ?? r.startedAt) }) : t('rule.landscapeRun', { id: f.landscape }));
  }
  if (list === 'patents') {
    // The server reads a criterion only with the year of a high-value count.
    if (f.highValue) out.push(t(f.criterion ? 'rule.highValueOne' : 'rule.highValue', { year: f.highValue }));
    if (f.highValue && f.criterion) out.push(t('rule.criterion', { name: valueCriterionName(lang, f.criterion) }));
  }
  if (list === 'gis') {
    if (f.approvedBy) out.push(t('rule.approvedBy', { year: f.approvedBy }));
    if (f.county) out.push(t('rule.area', { name: f.county === 'unresolved' ? t('reg.noArea') : areaName(f.county) }));
  }
  if (list !== 'gis' && f.inForce) out.push(t('rule.inForce', { year: f.inForce }));
  if (list === 'patents' && f.granted) out.push(f.granted === EVER_GRANTED ? t('rule.grantedAny') : t('rule.granted', { years: years(f.granted) }));
  if (list === 'trademarks') {
    if (f.applied) out.push(t('rule.applied', { years: years(f.applied) }));
    if (f.registered) out.push(t('rule.registered', { years: years(f.registered) }));
  }
  if (list === 'patents' && f.pct) out.push(t('rule.pct'));
  if (list === 'patents' && f.noIpc) out.push(t('rule.noIpc'));
  if (f.local) out.push(t('rule.local'));
  return out;
}

/**
 * The statistical rule a list was opened with (from a figure of the dashboards), in plain words above
 * the hits, so that the count is read with it; one button takes the rule off and keeps the rest.
 */
export function RuleNotice({ list, filters, onClear }: { list: RuleList; filters: Record<string, string | undefined>; onClear: () => void }) {
  const { t } = useI18n();
  const compact = useCompact();
  const parts = useRuleParts(list, filters);
  const run = useLandscapeRun(list === 'patents' ? filters.landscape : undefined);
  if (parts.length === 0) return null;
  const text = t('rule.title', { rule: parts.join(' · ') });
  const clear = (
    <Flex gap={8} wrap="wrap">
      {run.data && (
        <LinkButton size="small" to={`/insight/landscapes/${run.data.landscapeId}?run=${run.data.id}`}>
          {t('rule.backToLandscape')}
        </LinkButton>
      )}
      <Button size="small" onClick={onClear}>
        {t('rule.clear')}
      </Button>
    </Flex>
  );
  // On a phone the button goes under the words, which would otherwise wrap in a narrow column.
  return (
    <Alert
      type="info"
      showIcon
      className="xz-rule-notice"
      style={{ marginBottom: 12 }}
      title={
        compact ? (
          <Flex vertical align="flex-start" gap={6}>
            {text}
            {clear}
          </Flex>
        ) : (
          text
        )
      }
      action={compact ? undefined : clear}
    />
  );
}
