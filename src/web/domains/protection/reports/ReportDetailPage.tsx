import { RevealButton } from '../RevealButton';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Flex, List, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import { reportsApi, type ReportDetail, type Revealed } from '../api';
import { AttachButton as AttachFile, FileTable } from '../FileTable';
import { formatYuan, ReportStatusTag, rightKindName, whyName } from '../labels';
import { ActionModal, type DialogAction } from './ActionModal';
import { HistoryTimeline } from './HistoryTimeline';
import { RewardPanel } from './RewardPanel';

const STEP_ACTIONS: DialogAction[] = ['accept', 'investigate', 'conclude', 'assign', 'reject'];

/** One report: what was reported, by whom (masked), what was done, its files and evidence chain. */
export default function ReportDetailPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const result = useQuery({ queryKey: ['protection-report', id], queryFn: ({ signal }) => reportsApi.get(id, signal), enabled: Number.isInteger(id) && id > 0 });
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const { can } = useSession();

  if (!Number.isInteger(id) || id <= 0 || isNotFound(result.error)) return <RecordNotFound backTo="/protection/reports" backLabel={t('prd.backToList')} />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => result.refetch()} />;
  const r = result.data;
  if (!r) return <Skeleton active paragraph={{ rows: 10 }} />;

  const steps = STEP_ACTIONS.filter((a) => r.actions.includes(a));
  const primary: readonly DialogAction[] = ['accept', 'investigate', 'conclude'];

  return (
    <>
      <PageHeader
        back="/protection/reports"
        title={<span className="xz-mono">{r.ref}</span>}
        docTitle={r.ref}
        tags={
          <Flex gap={4} wrap="wrap">
            <ReportStatusTag status={r.status} />
            {r.due.overdue && <Tag color="red">{t('pr.overdue')}</Tag>}
            {r.isDemo && <DemoTag />}
          </Flex>
        }
        subtitle={t('prd.subtitle', { date: formatDateTime(r.receivedAt), area: r.areaName ?? t('prl.areaNone'), handler: r.handler ?? t('prd.noHandler') })}
        extra={steps.map((a) => (
          <Button key={a} type={primary.includes(a) ? 'primary' : 'default'} danger={a === 'reject'} onClick={() => setDialog(a)}>
            {t(`prd.action.${a}`)}
          </Button>
        ))}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('prd.content')}>
              <Content report={r} />
            </Card>
            <Card size="small" title={t('pr.reporter')} extra={r.actions.includes('reveal') && (!r.anonymous || r.reward.claimant) ? <ReporterReveal id={r.id} /> : null}>
              <Reporter report={r} />
            </Card>
            {(r.status === 'rejected' || r.status === 'concluded') && (
              <Card
                size="small"
                title={t('prd.outcome')}
                extra={
                  // A decision found here is published through 处罚决定公示, started with what the report already says.
                  r.status === 'concluded' && r.violation && r.decisionNo && can('protection.disclosure') ? (
                    <Link to={`/protection/disclosure/new?report=${r.id}`}>{t('prd.toDisclosure')}</Link>
                  ) : null
                }
              >
                <Outcome report={r} />
              </Card>
            )}
            <Card size="small" title={t('prd.files', { n: r.files.length })} extra={r.actions.includes('attach') ? <AttachButton id={r.id} /> : null}>
              <Files report={r} />
            </Card>
            <Card size="small" title={t('prd.history')} extra={<Typography.Text type="secondary" className="xz-small">{t('prd.historyHint')}</Typography.Text>}>
              <HistoryTimeline entries={r.history} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('prd.deadlines')}>
              <Deadlines report={r} />
            </Card>
            <Card size="small" title={t('prd.reward')}>
              <RewardPanel report={r} onAction={setDialog} />
            </Card>
            <Card size="small" title={t('prd.similar', { n: r.similar.length })}>
              <Similar report={r} />
            </Card>
          </Flex>
        </Col>
      </Row>
      {dialog && <ActionModal action={dialog} report={r} onClose={() => setDialog(null)} />}
    </>
  );
}

function Content({ report: r }: { report: ReportDetail }) {
  const { t } = useI18n();
  const source = r.areaSource === 'address' ? t('prd.areaFromAddress') : r.areaSource === 'officer' ? t('prd.areaFromOfficer') : null;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'kind', label: t('pr.rightKind'), children: rightKindName(t, r.rightKind) },
        { key: 'ref', label: t('pr.rightRef'), children: r.rightRef ?? '—' },
        { key: 'subject', label: t('pr.subject'), children: r.subject, span: 2 },
        { key: 'infringer', label: t('pr.infringer'), children: r.infringer ?? '—', span: 2 },
        { key: 'address', label: t('pr.address'), children: r.address, span: 2 },
        {
          key: 'point',
          label: t('prd.mapPoint'),
          children: r.lng !== null && r.lat !== null ? <span className="xz-num">{t('prd.point', { lng: r.lng.toFixed(6), lat: r.lat.toFixed(6) })}</span> : '—',
        },
        {
          key: 'area',
          label: t('prl.area'),
          children: (
            <Flex gap={6} wrap="wrap" align="center">
              {r.areaName ?? <Tag color="orange">{t('prl.areaNone')}</Tag>}
              {source && <Typography.Text type="secondary" className="xz-small">（{source}）</Typography.Text>}
            </Flex>
          ),
        },
        { key: 'description', label: t('pr.description'), children: <div className="xz-pre">{r.description}</div>, span: 2 },
      ]}
    />
  );
}

function Reporter({ report: r }: { report: ReportDetail }) {
  const { t } = useI18n();
  if (r.anonymous) return <Typography.Text type="secondary">{t('prd.anonymousText')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      items={[
        { key: 'name', label: t('pub.name'), children: r.reporterName ?? '—' },
        { key: 'phone', label: t('pub.phone'), children: <span className="xz-num">{r.reporterPhone ?? '—'}</span> },
        { key: 'id', label: t('pub.idNumber'), children: <span className="xz-num">{r.reporterId ?? '—'}</span> },
      ]}
    />
  );
}

function Outcome({ report: r }: { report: ReportDetail }) {
  const { t } = useI18n();
  if (r.status === 'rejected') {
    return (
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'reason', label: t('prd.reason'), children: r.reason ?? '—' },
          ...(r.duplicateOf ? [{ key: 'dup', label: t('prd.duplicateOf'), children: <Link to={`/protection/reports/${r.duplicateOf.id}`} className="xz-mono">{r.duplicateOf.ref}</Link> }] : []),
        ]}
      />
    );
  }
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'violation', label: t('prd.violation'), children: r.violation ? <Tag color="red">{t('prd.violationYes')}</Tag> : <Tag>{t('prd.violationNo')}</Tag> },
        { key: 'at', label: t('prd.concludedAt'), children: formatDateTime(r.concludedAt) },
        ...(r.violation
          ? [
              { key: 'value', label: t('prd.caseValue'), children: <span className="xz-num">{formatYuan(r.caseValue)}</span> },
              { key: 'no', label: t('prd.decisionNo'), children: r.decisionNo ?? '—' },
            ]
          : []),
        { key: 'text', label: t('prd.conclusion'), children: <div className="xz-pre">{r.conclusion ?? '—'}</div>, span: 2 },
      ]}
    />
  );
}

function Files({ report: r }: { report: ReportDetail }) {
  const { t } = useI18n();
  return <FileTable files={r.files} urlOf={(fileId) => reportsApi.fileUrl(r.id, fileId)} anonymousLabel={t('prd.byReporter')} />;
}

function AttachButton({ id }: { id: number }) {
  const queryClient = useQueryClient();
  return <AttachFile upload={(file, onProgress) => reportsApi.attach(id, file, onProgress)} onDone={(detail) => queryClient.setQueryData(['protection-report', id], detail)} />;
}

function ReporterReveal({ id }: { id: number }) {
  const { t } = useI18n();
  return (
    <RevealButton<Revealed> reveal={() => reportsApi.reveal(id)} title={t('prd.revealTitle')} shownTitle={t('prd.revealedTitle')}>
      {(shown) => (
        <>
          <Descriptions
            size="small"
            bordered
            column={1}
            title={t('pr.reporter')}
            items={[
              { key: 'name', label: t('pub.name'), children: shown.reporter.name ?? '—' },
              { key: 'phone', label: t('pub.phone'), children: shown.reporter.phone ?? '—' },
              { key: 'id', label: t('pub.idNumber'), children: shown.reporter.idNumber ?? '—' },
            ]}
          />
          {shown.claimant && (
            <Descriptions
              size="small"
              bordered
              column={1}
              title={t('prd.claimant')}
              style={{ marginTop: 16 }}
              items={[
                { key: 'name', label: t('pub.claimName'), children: shown.claimant.name },
                { key: 'id', label: t('pub.idNumber'), children: shown.claimant.idNumber },
                { key: 'phone', label: t('pub.phone'), children: shown.claimant.phone },
                { key: 'account', label: t('pub.account'), children: shown.claimant.account },
              ]}
            />
          )}
        </>
      )}
    </RevealButton>
  );
}

function Deadlines({ report: r }: { report: ReportDetail }) {
  const { t } = useI18n();
  const mark = (date: string | null) => (date && r.due.overdue && r.due.date === date ? <Tag color="red" className="xz-tag-inline">{t('pr.overdue')}</Tag> : null);
  const current = (date: string | null) => (date && !r.due.overdue && r.due.date === date ? <Tag color="blue" className="xz-tag-inline">{t('prd.currentDue')}</Tag> : null);
  const row = (key: string, label: string, date: string | null, done: string | null) => ({
    key,
    label,
    children: (
      <Flex vertical gap={0}>
        <span>
          <span className="xz-num">{formatDate(date)}</span>
          {mark(date)}
          {current(date)}
        </span>
        {done && (
          <Typography.Text type="secondary" className="xz-small">
            {done}
          </Typography.Text>
        )}
      </Flex>
    ),
  });
  const at = (s: string) => r.history.find((e) => e.kind === 'state' && e.payload.to === s)?.at;
  const decided = at('accepted') ?? at('rejected');
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        row('accept', t('prd.acceptDue'), r.acceptDue, decided ? t('prd.doneAt', { date: formatDateTime(decided) }) : null),
        row('conclude', t('prd.concludeDue'), r.concludeDue, r.concludedAt ? t('prd.doneAt', { date: formatDateTime(r.concludedAt) }) : null),
        ...(r.reward.claimDue ? [row('claim', t('pub.claimDue'), r.reward.claimDue, r.reward.claimedAt ? t('prd.doneAt', { date: formatDateTime(r.reward.claimedAt) }) : null)] : []),
      ]}
    />
  );
}

function Similar({ report: r }: { report: ReportDetail }) {
  const { t } = useI18n();
  if (r.similar.length === 0) return <Typography.Text type="secondary">{t('prd.noSimilar')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={r.similar}
      renderItem={(s) => (
        <List.Item>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex gap={8} align="center" wrap="wrap">
              <Link to={`/protection/reports/${s.id}`} className="xz-mono">
                {s.ref}
              </Link>
              <ReportStatusTag status={s.status} />
              <Typography.Text type="secondary" className="xz-small xz-num">
                {formatDate(s.receivedAt)}
              </Typography.Text>
            </Flex>
            <span>{s.subject}</span>
            <Flex gap={4} wrap="wrap">
              {s.why.map((w) => (
                <Tag key={w} color="orange">
                  {whyName(t, w)}
                </Tag>
              ))}
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}
