import { Alert, Button, Flex } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useCompact } from '../../../app/ui/responsive';
import { useAreaName } from './areas';
import { valueCriterionName } from './labels';

/**
 * Address-bar parameters that carry a statistical rule, per list. The figures of the dashboards link
 * to the records they counted with these (see shared/insight/drill.ts); a plain search never sets them.
 * A patent's or trademark's county is an ordinary facet filter; the GI list has no facets, so there
 * the county is part of the rule.
 */
export const RULE_PARAMS = {
  patents: ['highValue', 'criterion', 'inForce', 'granted', 'pct', 'noIpc', 'local'],
  trademarks: ['inForce', 'applied', 'registered', 'local'],
  gis: ['approvedBy', 'county', 'local'],
} as const;

export type RuleList = keyof typeof RULE_PARAMS;

/** The parameters of a list's rule, all unset: for setFilters, to clear the rule and nothing else. */
export const ruleCleared = (list: RuleList): Record<string, undefined> => Object.fromEntries(RULE_PARAMS[list].map((k) => [k, undefined]));

/** 2018-2021 → 2018–2021. */
const years = (v: string) => v.replace(/\s*-\s*/, '–');

/** The rule in plain words, one phrase per parameter set; empty when no rule is active. */
export function useRuleParts(list: RuleList, f: Record<string, string | undefined>): string[] {
  const { t, lang } = useI18n();
  const areaName = useAreaName();
  const out: string[] = [];
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
  if (list === 'patents' && f.granted) out.push(t('rule.granted', { years: years(f.granted) }));
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
  if (parts.length === 0) return null;
  const text = t('rule.title', { rule: parts.join(' · ') });
  const clear = (
    <Button size="small" onClick={onClear}>
      {t('rule.clear')}
    </Button>
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
