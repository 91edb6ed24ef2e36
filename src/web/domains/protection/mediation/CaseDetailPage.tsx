import { DownloadOutlined } from '@ant-design/icons';
import { RevealButton } from '../RevealButton';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Steps, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n, type Translate } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import { AttachButton, sizeText } from '../FileTable';
import { shortHash } from '../hash';
import { formatYuan, rightKindName } from '../labels';
import { HistoryTimeline } from '../reports/HistoryTimeline';
import { mediationApi, type CaseAction, type CaseDetail, type CaseFile, type Revealed, type SessionView } from './api';
import { CaseActionModal } from './CaseActionModal';
import { CaseStateTag, ConfirmationTag, OUTCOME_COLOR, SessionStatusTag, SourceTag, bodyKindName, confirmationName, kindName, outcomeName, statusName } from './labels';

/** The header's steps, in the order an officer takes them; record and cancel live on the sessions' rows. */
const HEADER_ACTIONS: CaseAction[] = ['assign', 'schedule', 'close', 'confirm-request', 'confirm-result', 'extend', 'transfer', 'withdraw'];

function primaryAction(c: CaseDetail): CaseAction | null {
  if (c.status === 'received') return 'assign';
  if (c.status === 'assigned') return c.sessions.some((s) => s.status === 'scheduled') ? null : 'schedule';
  if (c.status === 'in_mediation') return 'close';
  if (c.actions.includes('confirm-result')) return 'confirm-result';
  return null;
}

/**
 * One case: what it is about, the parties (masked, with an audited reveal), the assignment, the
 * sessions, the outcome with the agreement and judicial confirmation, the files and the full record.
 * The office acts on it; a court and an applying firm read it (the court may record the ruling).
 */
export default function CaseDetailPage({ back }: { back: string }) {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const result = useQuery({ queryKey: ['mediation-case', id], queryFn: ({ signal }) => mediationApi.get(id, signal), enabled: valid });
  const [dialog, setDialog] = useState<{ action: CaseAction; sessionId?: number } | null>(null);

  if (!valid || isNotFound(result.error)) return <RecordNotFound backTo={back} backLabel={t('md.backToList')} />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => result.refetch()} />;
  const c = result.data;
  if (!c) return <Skeleton active paragraph={{ rows: 10 }} />;

  const primary = primaryAction(c);
  const actions = HEADER_ACTIONS.filter((a) => c.actions.includes(a));
  const officer = c.actions.includes('reveal');

  return (
    <>
      <PageHeader
        back={back}
        title={<span className="xz-mono">{c.ref}</span>}
        docTitle={c.ref}
        tags={
          <Flex gap={4} wrap="wrap" align="center">
            <CaseStateTag c={c} />
            <SourceTag source={c.source} />
            <Tag>{kindName(t, c.kind)}</Tag>
            {c.due.overdue && <Tag color="red">{t('pr.overdue')}</Tag>}
            <ConfirmationTag status={c.confirmation} />
            {c.isDemo && <DemoTag />}
          </Flex>
        }
        subtitle={t('md.detailSubtitle', { date: formatDateTime(c.receivedAt), area: c.areaName, handler: c.handler ?? t('md.noHandler') })}
        extra={actions.map((a) => (
          <Button key={a} type={a === primary ? 'primary' : 'default'} danger={a === 'withdraw'} onClick={() => setDialog({ action: a })}>
            {t(`md.action.${a}`)}
          </Button>
        ))}
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <CaseSteps c={c} />
        </Card>
        {c.status === 'closed' && c.outcome && <OutcomeCard c={c} />}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Flex vertical gap={16}>
              <Card size="small" title={t('md.content')}>
                <Content c={c} />
              </Card>
              <Card size="small" title={t('md.partiesTitle')} extra={officer ? <PartiesReveal id={c.id} /> : null}>
                <Parties c={c} />
              </Card>
              <Card size="small" title={t('md.sessionsTitle', { n: c.sessions.length })}>
                <Sessions c={c} onAction={(action, sessionId) => setDialog({ action, sessionId })} />
              </Card>
              <Card size="small" title={t('md.files', { n: c.files.length })} extra={c.actions.includes('attach') ? <AttachCaseFile id={c.id} purpose="evidence" label={t('md.attach')} /> : null}>
                <Files c={c} />
              </Card>
              <Card size="small" title={t('prd.history')} extra={<Typography.Text type="secondary" className="xz-small">{t('prd.historyHint')}</Typography.Text>}>
                <HistoryTimeline entries={c.history} statusName={(s) => statusName(t, s)} stepName={(from, _to, p) => stepName(t, from, p)} submittedLabel={submittedLabel(t, c)} actorAnonymous={t('md.applicantOnline')} />
              </Card>
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              <Card size="small" title={t('prd.deadlines')}>
                <Deadlines c={c} />
              </Card>
              <Card size="small" title={t('md.assignment')}>
                <Assignment c={c} />
              </Card>
              {(c.court || c.courtCaseNo) && (
                <Card size="small" title={t('md.courtTitle')}>
                  <Court c={c} />
                </Card>
              )}
            </Flex>
          </Col>
        </Row>
      </Flex>
      {dialog && <CaseActionModal action={dialog.action} c={c} sessionId={dialog.sessionId} onClose={() => setDialog(null)} />}
    </>
  );
}

function submittedLabel(t: Translate, c: CaseDetail): string {
  if (c.source === 'court') return t('md.hist.referred', { no: c.courtCaseNo ?? '' });
  return c.source === 'officer' ? t('md.hist.entered') : t('md.hist.received');
}

/** The record's own words for each step (分派、安排调解、结案…), with what the step set. */
function stepName(t: Translate, from: string, p: Record<string, unknown>): string | undefined {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  if (p.handler || p.body) {
    const parts = [p.body ? t('md.hist.body', { body: s(p.body) }) : null, p.mediator ? t('md.hist.mediator', { name: s(p.mediator) }) : null, p.handler ? t('md.hist.handler', { name: s(p.handler) }) : null].filter(Boolean);
    return `${from === 'received' ? t('md.hist.assigned') : t('md.hist.reassigned')}：${parts.join('，')}`;
  }
  if (typeof p.session === 'number') {
    if (p.scheduledAt) return t('md.hist.scheduled', { n: p.session, time: formatDateTime(s(p.scheduledAt)), place: s(p.place) });
    if (p.heldAt) return t('md.hist.held', { n: p.session, time: formatDateTime(s(p.heldAt)) });
    if (p.cancelled) return t('md.hist.cancelled', { n: p.session });
  }
  if (typeof p.extendDays === 'number') return t('md.hist.extended', { days: p.extendDays, due: s(p.due) });
  if (p.outcome) return `${t('md.hist.closed')}：${outcomeName(t, s(p.outcome))}${typeof p.settledAmount === 'number' ? `（${formatYuan(p.settledAmount)}）` : ''}`;
  const conf = p.confirmation as { to?: string } | undefined;
  if (conf?.to === 'requested') return t('md.hist.confirmRequested');
  if (conf?.to) return `${confirmationName(t, conf.to)}${p.rulingNo ? `：${s(p.rulingNo)}` : ''}`;
  return undefined;
}

function CaseSteps({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const at = (to: string) => c.history.find((e) => e.kind === 'state' && e.payload.to === to && e.payload.from !== to)?.at;
  // The step being worked on: assignment while received, mediation while assigned or in it.
  const current = c.status === 'received' ? 1 : c.status === 'closed' ? 3 : 2;
  const items = [
    { title: t('md.step.received'), content: formatDate(c.receivedAt) },
    { title: t('md.step.assigned'), content: at('assigned') ? formatDate(at('assigned')) : t('md.by', { date: formatDate(c.assignDue) }) },
    { title: t('md.step.in_mediation'), content: at('in_mediation') ? formatDate(at('in_mediation')) : c.mediationDue ? t('md.by', { date: formatDate(c.mediationDue) }) : undefined },
    { title: c.outcome ? outcomeName(t, c.outcome) : t('md.step.closed'), content: c.closedAt ? formatDate(c.closedAt) : undefined },
  ];
  return (
    <Steps
      size="small"
      current={current}
      status={c.due.overdue ? 'error' : c.status === 'closed' ? 'finish' : 'process'}
      items={items}
    />
  );
}

function OutcomeCard({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const outcome = c.outcome;
  if (!outcome) return null;
  return (
    <Card size="small" title={t('md.outcomeTitle')} data-testid="case-outcome">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'outcome', label: t('md.outcome'), children: <Tag color={OUTCOME_COLOR[outcome]}>{outcomeName(t, outcome)}</Tag> },
          { key: 'at', label: t('md.closedAt'), children: formatDateTime(c.closedAt) },
          ...(outcome === 'settled'
            ? [
                { key: 'amount', label: t('md.settledAmount'), children: <span className="xz-num">{formatYuan(c.settledAmount)}</span> },
                {
                  key: 'agreement',
                  label: t('md.agreement'),
                  children: c.agreement ? (
                    <a href={mediationApi.fileUrl(c.id, c.agreement.id)} download={c.agreement.name} className="xz-break">
                      <DownloadOutlined aria-hidden /> {c.agreement.name}
                    </a>
                  ) : (
                    '—'
                  ),
                },
                {
                  key: 'confirmation',
                  label: t('md.confirmation'),
                  span: 2,
                  children: (
                    <Flex vertical gap={2}>
                      <span>
                        {c.confirmation === 'none' ? t('md.confirm.none') : <ConfirmationTag status={c.confirmation} />}
                        {c.confirmationDetail.rulingNo && <span> {t('md.rulingIs', { no: c.confirmationDetail.rulingNo, date: formatDate(c.confirmationDetail.date) })}</span>}
                      </span>
                      {c.confirmation === 'none' && c.confirmationDetail.requestDue && (
                        <Typography.Text type="secondary" className="xz-small">
                          {t('md.confirmRequestBy', { date: formatDate(c.confirmationDetail.requestDue) })}
                        </Typography.Text>
                      )}
                      {c.confirmationDetail.note && (
                        <Typography.Text type="secondary" className="xz-small">
                          {c.confirmationDetail.note}
                        </Typography.Text>
                      )}
                    </Flex>
                  ),
                },
              ]
            : []),
          ...(outcome === 'litigation' && c.court ? [{ key: 'court', label: t('md.court'), children: c.court.name, span: 2 }] : []),
          { key: 'note', label: outcome === 'settled' ? t('md.noteSettled') : t('md.noteNotSettled'), children: <div className="xz-pre">{c.outcomeNote ?? '—'}</div>, span: 2 },
        ]}
      />
    </Card>
  );
}

function Content({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const link = c.rightLink;
  const linkPath = link ? (link.type === 'patent' ? `/registry/patents/${encodeURIComponent(link.number)}` : `/registry/trademarks/${encodeURIComponent(link.number)}${link.niceClass ? `/${link.niceClass}` : ''}`) : null;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'kind', label: t('md.field.kind'), children: kindName(t, c.kind) },
        { key: 'right', label: t('pr.rightKind'), children: rightKindName(t, c.rightKind) },
        {
          key: 'ref',
          label: t('pr.rightRef'),
          span: 2,
          children: (
            <Flex vertical gap={2}>
              <span>{c.rightRef ?? '—'}</span>
              {link && linkPath && (
                <Link to={linkPath} className="xz-small">
                  {t('md.rightLinked', { number: link.number, title: link.title })}
                </Link>
              )}
            </Flex>
          ),
        },
        { key: 'claims', label: t('md.field.claims'), children: <div className="xz-pre">{c.claims}</div>, span: 2 },
        { key: 'facts', label: t('md.field.facts'), children: <div className="xz-pre">{c.facts}</div>, span: 2 },
        { key: 'amount', label: t('md.field.amount'), children: <span className="xz-num">{formatYuan(c.amount)}</span> },
        {
          key: 'area',
          label: t('prl.area'),
          children: (
            <span>
              {c.areaName}
              <Typography.Text type="secondary" className="xz-small">
                （{t(`md.areaSource.${c.areaSource}`)}）
              </Typography.Text>
            </span>
          ),
        },
        ...(c.filedBy ? [{ key: 'filer', label: t('md.filedBy'), children: c.filedBy, span: 2 }] : []),
      ]}
    />
  );
}

function Parties({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  return (
    <Table
      rowKey={(p) => `${p.role}-${p.seq}`}
      size="small"
      pagination={false}
      dataSource={c.parties}
      scroll={{ x: 760 }}
      columns={[
        { title: t('md.party.role'), dataIndex: 'role', width: 96, render: (r: string) => <Tag color={r === 'applicant' ? 'blue' : 'orange'}>{t(r === 'applicant' ? 'md.applicant' : 'md.respondent')}</Tag> },
        {
          title: t('md.party.name'),
          key: 'name',
          render: (_v, p) => (
            <Flex vertical gap={0}>
              <span>
                {p.name} <Typography.Text type="secondary" className="xz-small">（{t(p.kind === 'org' ? 'md.party.org' : 'md.party.person')}）</Typography.Text>
              </span>
              {p.uscc && <span className="xz-small xz-mono xz-muted">{p.uscc}</span>}
              {p.idNumber && <span className="xz-small xz-num xz-muted">{p.idNumber}</span>}
            </Flex>
          ),
        },
        { title: t('md.party.contact'), dataIndex: 'contact', width: 90, render: (v: string | null) => v ?? '—' },
        { title: t('md.party.phone'), dataIndex: 'phone', width: 120, render: (v: string | null) => <span className="xz-num">{v ?? '—'}</span> },
        { title: t('md.party.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

function Sessions({ c, onAction }: { c: CaseDetail; onAction: (a: CaseAction, sessionId: number) => void }) {
  const { t } = useI18n();
  if (c.sessions.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={c.actions.includes('schedule') ? t('md.noSessionsYet') : t('md.noSessions')} />;
  }
  return (
    <Table<SessionView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={c.sessions}
      scroll={{ x: 760 }}
      expandable={{
        rowExpandable: (s) => !!s.minutes || !!s.cancelReason || s.files.length > 0,
        expandedRowRender: (s) => (
          <Flex vertical gap={6}>
            {s.minutes && (
              <div>
                <Typography.Text strong>{t('md.minutes')}：</Typography.Text>
                <div className="xz-pre">{s.minutes}</div>
              </div>
            )}
            {s.cancelReason && <Typography.Text type="secondary">{t('md.cancelReasonIs', { reason: s.cancelReason })}</Typography.Text>}
            {s.files.map((f) => (
              <a key={f.id} href={mediationApi.fileUrl(c.id, f.id)} download={f.name}>
                <DownloadOutlined aria-hidden /> {f.name}
              </a>
            ))}
          </Flex>
        ),
      }}
      columns={[
        { title: t('md.sessionSeq'), dataIndex: 'seq', width: 70, render: (n: number) => t('md.sessionN', { n }) },
        { title: t('md.scheduledAt'), dataIndex: 'scheduledAt', width: 140, render: (v: string) => <span className="xz-num">{formatDateTime(v)}</span> },
        {
          title: t('md.place'),
          key: 'place',
          render: (_v, s) => (
            <span>
              {s.online && <Tag color="geekblue">{t('md.onlineYes')}</Tag>}
              {s.place}
            </span>
          ),
        },
        { title: t('md.mediator'), dataIndex: 'mediator', width: 90, render: (v: string | null) => v ?? '—' },
        { title: t('common.status'), dataIndex: 'status', width: 86, render: (v: SessionView['status']) => <SessionStatusTag status={v} /> },
        {
          title: '',
          key: 'actions',
          width: 190,
          render: (_v, s) =>
            s.status === 'scheduled' && c.actions.includes('record') ? (
              <Flex gap={4} wrap="wrap">
                <Button size="small" type="primary" ghost onClick={() => onAction('record', s.id)}>
                  {t('md.action.record')}
                </Button>
                <Button size="small" onClick={() => onAction('cancel', s.id)}>
                  {t('md.action.cancel')}
                </Button>
              </Flex>
            ) : s.status === 'held' && c.actions.includes('attach') ? (
              <AttachCaseFile id={c.id} purpose="minutes" sessionId={s.id} label={t('md.attachMinutes')} />
            ) : null,
        },
      ]}
    />
  );
}

function Files({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  if (c.files.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('prd.noFiles')} />;
  return (
    <Table<CaseFile>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={c.files}
      scroll={{ x: 700 }}
      columns={[
        {
          title: t('prd.fileName'),
          dataIndex: 'name',
          render: (name: string, f) => (
            <Flex gap={6} align="center" wrap="wrap">
              <a href={mediationApi.fileUrl(c.id, f.id)} download={name} className="xz-break">
                <DownloadOutlined aria-hidden /> {name}
              </a>
              {f.purpose !== 'evidence' && <Tag color={f.purpose === 'agreement' ? 'green' : 'blue'}>{t(`md.purpose.${f.purpose}`)}</Tag>}
            </Flex>
          ),
        },
        { title: t('prd.fileSize'), dataIndex: 'size', width: 90, align: 'right', render: (n: number) => <span className="xz-num">{sizeText(n)}</span> },
        {
          title: 'SHA-256',
          dataIndex: 'sha256',
          width: 130,
          render: (h: string) => (
            <Tooltip title={<span className="xz-mono xz-break">{h}</span>}>
              <code className="xz-mono" tabIndex={0}>
                {shortHash(h)}
              </code>
            </Tooltip>
          ),
        },
        { title: t('prd.uploadedBy'), dataIndex: 'uploadedBy', width: 110, render: (v: string | null) => (v === null || v === 'anonymous' ? t('md.applicantOnline') : v) },
        { title: t('prd.uploadedAt'), dataIndex: 'uploadedAt', width: 140, render: (v: string) => <span className="xz-num">{formatDateTime(v)}</span> },
      ]}
    />
  );
}

/** Adds a file to the case (evidence, or a session's record), through the protection pages' shared button. */
function AttachCaseFile({ id, purpose, sessionId, label }: { id: number; purpose: 'evidence' | 'minutes'; sessionId?: number; label: string }) {
  const queryClient = useQueryClient();
  return (
    <AttachButton<CaseDetail>
      label={label}
      upload={(file, onProgress) => mediationApi.attach(id, file, { purpose, sessionId }, onProgress)}
      onDone={(detail) => queryClient.setQueryData(['mediation-case', id], detail)}
    />
  );
}

function PartiesReveal({ id }: { id: number }) {
  const { t } = useI18n();
  return (
    <RevealButton<Revealed> reveal={() => mediationApi.reveal(id)} title={t('md.revealTitle')} shownTitle={t('prd.revealedTitle')} width={640}>
      {(shown) => (
        <Table
          rowKey={(p) => `${p.role}-${p.seq}`}
          size="small"
          pagination={false}
          dataSource={shown.parties}
          columns={[
            { title: t('md.party.role'), dataIndex: 'role', render: (r: string) => t(r === 'applicant' ? 'md.applicant' : 'md.respondent') },
            { title: t('md.party.name'), dataIndex: 'name' },
            { title: t('md.party.contact'), dataIndex: 'contact', render: (v: string | null) => v ?? '—' },
            { title: t('md.party.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
            { title: t('md.party.idNumber'), dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
    </RevealButton>
  );
}

function Deadlines({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const assigned = c.history.find((e) => e.kind === 'state' && e.payload.from === 'received' && e.payload.to === 'assigned')?.at;
  const mark = (stage: 'assign' | 'mediation') =>
    c.due.stage === stage && (c.due.overdue || c.due.soon) ? (
      <Tag color={c.due.overdue ? 'red' : 'orange'} className="xz-tag-inline">
        {c.due.overdue ? t('pr.overdue') : t('md.soon')}
      </Tag>
    ) : null;
  return (
    <Flex vertical gap={12}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'assign',
            label: t('md.assignDue'),
            children: (
              <Flex vertical gap={0}>
                <span>
                  <span className="xz-num">{formatDate(c.assignDue)}</span>
                  {mark('assign')}
                </span>
                {assigned && <Typography.Text type="secondary" className="xz-small">{t('prd.doneAt', { date: formatDateTime(assigned) })}</Typography.Text>}
              </Flex>
            ),
          },
          {
            key: 'mediation',
            label: c.source === 'court' ? t('md.courtMediationDue') : t('md.mediationDue'),
            children: (
              <Flex vertical gap={0}>
                <span>
                  <span className="xz-num">{formatDate(c.mediationDue)}</span>
                  {mark('mediation')}
                </span>
                {c.extendedDays > 0 && <Typography.Text type="secondary" className="xz-small">{t('md.extendedBy', { days: c.extendedDays })}</Typography.Text>}
                {c.closedAt && <Typography.Text type="secondary" className="xz-small">{t('prd.doneAt', { date: formatDateTime(c.closedAt) })}</Typography.Text>}
              </Flex>
            ),
          },
          ...(c.confirmationDetail.requestDue ? [{ key: 'confirm', label: t('md.confirmRequestDue'), children: <span className="xz-num">{formatDate(c.confirmationDetail.requestDue)}</span> }] : []),
        ]}
      />
    </Flex>
  );
}

function Assignment({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  if (!c.body && !c.handler) return <Typography.Text type="secondary">{t('md.notAssigned', { date: formatDate(c.assignDue) })}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'body',
          label: t('md.body'),
          children: c.body ? (
            <span>
              {c.body.name} <Tag className="xz-tag-inline">{bodyKindName(t, c.body.kind)}</Tag>
            </span>
          ) : (
            t('md.bodyNone')
          ),
        },
        { key: 'mediator', label: t('md.mediator'), children: c.mediator ?? '—' },
        { key: 'handler', label: t('md.handler'), children: c.handler ?? '—' },
        { key: 'at', label: t('md.assignedAt'), children: formatDateTime(c.assignedAt) },
      ]}
    />
  );
}

function Court({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'court', label: t('md.court'), children: c.court?.name ?? '—' },
        ...(c.courtCaseNo ? [{ key: 'no', label: t('md.courtCaseNo'), children: c.courtCaseNo }] : []),
        ...(c.courtReferredAt ? [{ key: 'at', label: t('md.referredAt'), children: formatDateTime(c.courtReferredAt) }] : []),
        { key: 'part', label: t('md.courtPart'), children: c.source === 'court' ? t('md.courtPart.referred') : c.outcome === 'litigation' ? t('md.courtPart.litigation') : t('md.courtPart.confirmation') },
        ...(c.outcome ? [{ key: 'outcome', label: t('md.outcome'), children: <Tag color={OUTCOME_COLOR[c.outcome]}>{outcomeName(t, c.outcome)}</Tag> }] : []),
      ]}
    />
  );
}
