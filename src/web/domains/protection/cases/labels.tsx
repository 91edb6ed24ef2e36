import { Tag, Tooltip } from 'antd';
import {
  CASE_LABELS,
  CASE_PROCEDURES,
  CASE_RIGHT_TYPES,
  CASE_SOURCES,
  CASE_STAGES,
  PARTY_ROLES,
  partnerSourceOf,
  type CaseSource,
  type CaseStage,
  type TransferStatus,
} from '../../../../shared/protection/cases';
import { areaByCode } from '../../../../shared/validators/region';
import { useI18n, type Lang } from '../../../app/i18n';

export { CASE_PROCEDURES, CASE_RIGHT_TYPES, CASE_SOURCES, CASE_STAGES, PARTY_ROLES };

type Group = keyof typeof CASE_LABELS;

/** The name of an enum value in the UI language (the shared table also names the import template's cells). */
export function caseLabel(lang: Lang, group: Group, value: string): string {
  const l = (CASE_LABELS[group] as Record<string, { zh: string; en: string }>)[value];
  return l ? l[lang] : value;
}

/** Select options of one enum, in its own order. */
export function caseOptions<T extends string>(lang: Lang, group: Group, values: readonly T[]) {
  return values.map((v) => ({ value: v, label: caseLabel(lang, group, v) }));
}

const SOURCE_COLOR: Record<CaseSource, string> = { court: 'purple', procuratorate: 'magenta', police: 'blue', administrative: 'cyan' };

const STAGE_COLOR: Record<CaseStage, string> = {
  filed: 'blue',
  investigating: 'gold',
  prosecuting: 'orange',
  trial: 'geekblue',
  judged: 'purple',
  enforcing: 'volcano',
  closed: 'green',
};

const TRANSFER_COLOR: Record<TransferStatus, string> = { sent: 'gold', received: 'green', refused: 'default' };

export function SourceTag({ source }: { source: CaseSource }) {
  const { lang } = useI18n();
  return <Tag color={SOURCE_COLOR[source]}>{caseLabel(lang, 'source', source)}</Tag>;
}

export function StageTag({ stage }: { stage: CaseStage }) {
  const { lang } = useI18n();
  return <Tag color={STAGE_COLOR[stage]}>{caseLabel(lang, 'stage', stage)}</Tag>;
}

export function TransferTag({ status }: { status: TransferStatus | null }) {
  const { lang } = useI18n();
  if (!status) return <span className="xz-muted">—</span>;
  return <Tag color={TRANSFER_COLOR[status]}>{caseLabel(lang, 'transfer', status)}</Tag>;
}

/** 同号 N: the same case number recorded by N other sources (the court and the police, say). */
export function SameNumberTag({ n }: { n: number }) {
  const { t } = useI18n();
  if (n <= 0) return null;
  return (
    <Tooltip title={t('cs.sameNumberHint', { n })}>
      <Tag color="orange" className="xz-tag-inline" tabIndex={0}>
        {t('cs.sameNumberN', { n })}
      </Tag>
    </Tooltip>
  );
}

/** A county, district or zone by its code, in the UI language. */
export function areaText(lang: Lang, code: string, fallback: string): string {
  const a = areaByCode(code);
  return a ? (lang === 'zh' ? a.name : a.nameEn) : fallback;
}

/** Parties on one line: 原告：某公司；被告：张** (natural persons as the server masked them). */
export function partiesText(lang: Lang, parties: ReadonlyArray<{ role: string; name: string }>): string {
  const sep = lang === 'zh' ? '；' : '; ';
  const colon = lang === 'zh' ? '：' : ': ';
  return parties.map((p) => `${shortRole(lang, p.role)}${colon}${p.name}`).join(sep);
}

/** The first word of a role (原告/申请人 → 原告) for one-line lists. */
function shortRole(lang: Lang, role: string): string {
  return caseLabel(lang, 'partyRole', role).split(' / ')[0]?.split('/')[0] ?? role;
}

/**
 * The police (公安局, 公安分局) answer transferred cases. The web app knows the user's organisation by
 * name; the server decides who may answer anyway.
 */
export const isPoliceOrg = (orgName: string) => partnerSourceOf(orgName) === 'police';

/** A case's route in the web app. */
export const casePath = (id: number) => `/protection/cases/${id}`;
