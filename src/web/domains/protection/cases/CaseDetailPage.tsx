import { EditOutlined, EyeOutlined, LinkOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Button, Card, Col, Descriptions, Flex, List, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useCompact } from '../../../app/ui/responsive';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import { AttachButton, FileTable } from '../FileTable';
import { rightPath } from '../keylist/labels';
import { formatYuan } from '../labels';
import { HistoryTimeline } from '../reports/HistoryTimeline';
import { AnswerModal, type Answer } from './AnswerModal';
import { casesApi, caseKeyOf, type CaseDetail, type Revealed, type TransferView } from './api';
import { CaseFormModal } from './CaseFormModal';
import { describeCaseEntry } from './history';
import { areaText, caseLabel, casePath, SameNumberTag, SourceTag, StageTag, TransferTag } from './labels';
import { LinkModal } from './LinkModal';
import { TransferModal } from './TransferModal';

type Dialog = { kind: 'edit' | 'transfer' | 'link' } | { kind: Answer; transfer: TransferView };

/** One shared case: what it is, who the parties are (persons masked), the same number elsewhere, links, the transfer to the police, files and record. */
export default function CaseDetailPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const result = useQuery({ queryKey: caseKeyOf(id), queryFn: ({ signal }) => casesApi.get(id, signal), enabled: valid });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const compact = useCompact();

  if (!valid || isNotFound(result.error)) return <RecordNotFound backTo="/protection/cases" backLabel={t('cs.backToList')} />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => result.refetch()} />;
  const c = result.data;
  if (!c) return <Skeleton active paragraph={{ rows: 10 }} />;
  const can = (a: string) => c.actions.includes(a);

  const facts = (
    <Card size="small" title={t('cs.facts')}>
      <Facts c={c} />
    </Card>
  );
  const parties = <Parties c={c} />;
  const rights = (
    <Card size="small" title={t('cs.rightsN', { n: c.rights.length })}>
      <Rights c={c} />
    </Card>
  );
  const files = (
    <Card size="small" title={t('cs.filesN', { n: c.files.length })} extra={can('attach') ? <AttachFile id={c.id} /> : null}>
      <FileTable files={c.files} urlOf={(fileId) => casesApi.fileUrl(c.id, fileId)} emptyText={t('cs.noFiles')} />
    </Card>
  );
  const history = (
    <Card size="small" title={t('cs.history')} extra={<Typography.Text type="secondary" className="xz-small">{t('prd.historyHint')}</Typography.Text>}>
      <HistoryTimeline entries={c.history} describeEntry={(e) => describeCaseEntry(t, lang, e)} submittedLabel={t('cs.hist.record')} />
    </Card>
  );
  const transfers =
    c.source === 'administrative' || c.transfers.length > 0 ? (
      <Card size="small" title={t('cs.transfers')} className="xz-cs-transfers">
        <Transfers c={c} onAnswer={(kind, transfer) => setDialog({ kind, transfer })} />
      </Card>
    ) : null;
  const sameNumber = (
    <Card size="small" title={t('cs.sameNumberN2', { n: c.sameNumber.length })}>
      <SameNumber c={c} />
    </Card>
  );
  const linked = (
    <Card size="small" title={t('cs.linkedN', { n: c.linked.length })}>
      <Linked c={c} />
    </Card>
  );

  return (
    <>
      <PageHeader
        back="/protection/cases"
        title={<span className="xz-mono">{c.caseNo}</span>}
        docTitle={c.caseNo}
        tags={
          <Flex gap={4} wrap="wrap" align="center">
            <SourceTag source={c.source} />
            <StageTag stage={c.stage} />
            <SameNumberTag n={c.duplicates} />
            {c.isDemo && <DemoTag />}
          </Flex>
        }
        subtitle={t('cs.detailSubtitle', { org: c.sourceOrg, area: areaText(lang, c.areaCode, c.areaName), date: formatDate(c.filedOn) })}
        extra={
          <Flex gap={8} wrap="wrap">
            {can('transfer') && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setDialog({ kind: 'transfer' })}>
                {t('cs.transfer.button')}
              </Button>
            )}
            {can('link') && (
              <Button icon={<LinkOutlined />} onClick={() => setDialog({ kind: 'link' })}>
                {t('cs.link.button')}
              </Button>
            )}
            {can('edit') && (
              <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })}>
                {t('common.edit')}
              </Button>
            )}
          </Flex>
        }
      />
      {compact ? (
        // On a phone one column, what matters first: the case, its transfer, who is involved; the record last.
        <Flex vertical gap={16}>
          {facts}
          {transfers}
          {parties}
          {rights}
          {sameNumber}
          {linked}
          {files}
          {history}
        </Flex>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Flex vertical gap={16}>
              {facts}
              {parties}
              {rights}
              {files}
              {history}
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              {transfers}
              {sameNumber}
              {linked}
            </Flex>
          </Col>
        </Row>
      )}
      {dialog?.kind === 'edit' && <CaseFormModal detail={c} onClose={() => setDialog(null)} onSaved={() => setDialog(null)} />}
      {dialog?.kind === 'transfer' && <TransferModal detail={c} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'link' && <LinkModal detail={c} onClose={() => setDialog(null)} />}
      {(dialog?.kind === 'receive' || dialog?.kind === 'refuse') && <AnswerModal answer={dialog.kind} transfer={dialog.transfer} onClose={() => setDialog(null)} />}
    </>
  );
}

function Facts({ c }: { c: CaseDetail }) {
  const { t, lang } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={[
        { key: 'no', label: t('cs.caseNo'), children: <span className="xz-mono">{c.caseNo}</span> },
        { key: 'source', label: t('cs.sourceOrg'), children: c.sourceOrg },
        { key: 'unit', label: t('cs.unit'), children: c.unit },
        { key: 'area', label: t('cs.area'), children: areaText(lang, c.areaCode, c.areaName) },
        { key: 'procedure', label: t('cs.procedure'), children: caseLabel(lang, 'procedure', c.procedure) },
        { key: 'rightType', label: t('cs.rightType'), children: caseLabel(lang, 'rightType', c.rightType) },
        { key: 'cause', label: t('cs.cause'), children: c.cause, span: 2 },
        { key: 'filed', label: t('cs.filedOn'), children: <span className="xz-num">{formatDate(c.filedOn)}</span> },
        { key: 'closed', label: t('cs.closedOn'), children: <span className="xz-num">{formatDate(c.closedOn)}</span> },
        { key: 'stage', label: t('cs.stage'), children: <StageTag stage={c.stage} /> },
        { key: 'amount', label: t('cs.amount'), children: <span className="xz-num">{formatYuan(c.amount)}</span> },
        { key: 'result', label: t('cs.result'), children: c.result ? <div className="xz-pre">{c.result}</div> : '—', span: 2 },
        { key: 'by', label: t('cs.createdBy'), children: c.createdBy },
        { key: 'updated', label: t('common.updatedAt'), children: <span className="xz-num">{formatDateTime(c.updatedAt)}</span> },
      ]}
    />
  );
}

/** The parties; natural persons masked until 查看姓名 (for the recording organisation or roles allowed to, audited). */
function Parties({ c }: { c: CaseDetail }) {
  const { t, lang } = useI18n();
  const { modal } = AntdApp.useApp();
  const [shown, setShown] = useState<Revealed | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ask = () =>
    modal.confirm({
      title: t('cs.revealTitle'),
      content: t('cs.revealWarning'),
      okText: t('cs.revealConfirm'),
      onOk: async () => {
        try {
          setShown(await casesApi.reveal(c.id));
          setProblem(null);
        } catch (e) {
          setProblem(errorText(e, t('error.unexpected')));
        }
      },
    });
  const rows = c.parties.map((p, i) => ({ ...p, key: i, name: shown?.parties[i]?.name ?? p.name }));
  return (
    <Card
      size="small"
      title={t('cs.partiesN', { n: c.parties.length })}
      extra={
        c.actions.includes('reveal') && !shown ? (
          <Button size="small" icon={<EyeOutlined />} onClick={ask}>
            {t('cs.reveal')}
          </Button>
        ) : null
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {shown && <Alert type="warning" showIcon title={t('cs.revealedNote')} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('cs.partyRole'), dataIndex: 'role', width: 150, render: (r: string) => caseLabel(lang, 'partyRole', r) },
          { title: t('cs.partyName'), dataIndex: 'name', render: (n: string, p) => (p.kind === 'person' ? <span className="xz-cs-person">{n}</span> : n) },
          { title: t('cs.partyKind'), dataIndex: 'kind', width: 90, render: (k: string) => <Tag>{k === 'person' ? t('cs.kind.person') : t('cs.kind.org')}</Tag> },
          { title: t('cs.uscc'), dataIndex: 'uscc', width: 200, responsive: ['md'], render: (u: string | null) => (u ? <span className="xz-mono">{u}</span> : '—') },
        ]}
      />
    </Card>
  );
}

function Rights({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  if (c.rights.length === 0) return <Typography.Text type="secondary">{t('cs.noRights')}</Typography.Text>;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(r) => `${r.type}:${r.number}`}
      dataSource={c.rights}
      columns={[
        { title: t('kl.rightType'), dataIndex: 'type', width: 80, render: (v: string) => <Tag>{v === 'patent' ? t('cs.kind.patent') : t('cs.kind.trademark')}</Tag> },
        {
          title: t('kl.rightNumber'),
          dataIndex: 'number',
          width: 200,
          render: (n: string, r) =>
            r.id !== null ? (
              <Link to={rightPath(r)} className="xz-mono">
                {n}
              </Link>
            ) : (
              <span className="xz-mono">{n}</span>
            ),
        },
        {
          title: t('kl.rightTitle'),
          dataIndex: 'title',
          render: (v: string | null) => (v ? <span className="xz-break">{v}</span> : <Typography.Text type="secondary">{t('cs.rightNotInRegister')}</Typography.Text>),
        },
      ]}
    />
  );
}

function Transfers({ c, onAnswer }: { c: CaseDetail; onAnswer: (a: Answer, t: TransferView) => void }) {
  const { t } = useI18n();
  if (c.transfers.length === 0) {
    return <Typography.Text type="secondary">{c.actions.includes('transfer') ? t('cs.noTransferCan') : t('cs.noTransfer')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={12}>
      {c.transfers.map((tr) => (
        <TransferBlock key={tr.id} transfer={tr} onAnswer={onAnswer} />
      ))}
    </Flex>
  );
}

/** One transfer: to whom, why, and the police's answer (receipt number and their case, or the refusal). */
export function TransferBlock({ transfer: tr, onAnswer, showCase }: { transfer: TransferView; onAnswer?: (a: Answer, t: TransferView) => void; showCase?: boolean }) {
  const { t } = useI18n();
  const items = [
    ...(showCase ? [{ key: 'case', label: t('cs.caseNo'), children: <Link to={casePath(tr.caseId)} className="xz-mono">{tr.caseNo}</Link> }] : []),
    { key: 'to', label: t('cs.transfer.to'), children: tr.toOrg },
    { key: 'sent', label: t('cs.transfer.sentBy'), children: t('cs.transfer.sentLine', { by: tr.sentBy, at: formatDateTime(tr.sentAt) }) },
    { key: 'reason', label: t('cs.transfer.reason'), children: <div className="xz-pre">{tr.reason}</div> },
    ...(tr.status === 'received'
      ? [
          { key: 'receipt', label: t('cs.answer.receiptNo'), children: <span className="xz-mono" data-testid="receipt-no">{tr.receiptNo ?? '—'}</span> },
          {
            key: 'police',
            label: t('cs.answer.policeCase'),
            children: tr.policeCase ? (
              <Link to={casePath(tr.policeCase.id)} className="xz-mono">
                {tr.policeCase.caseNo}
              </Link>
            ) : (
              <Typography.Text type="secondary">{t('cs.answer.noPoliceCase')}</Typography.Text>
            ),
          },
          ...(tr.receiptNote ? [{ key: 'note', label: t('cs.answer.note'), children: <div className="xz-pre">{tr.receiptNote}</div> }] : []),
        ]
      : []),
    ...(tr.status === 'refused' ? [{ key: 'refusal', label: t('cs.answer.refuseReason'), children: <div className="xz-pre">{tr.receiptNote ?? '—'}</div> }] : []),
    ...(tr.answeredAt ? [{ key: 'answered', label: t('cs.answer.answeredBy'), children: t('cs.transfer.sentLine', { by: tr.answeredBy ?? '—', at: formatDateTime(tr.answeredAt) }) }] : []),
  ];
  return (
    <Flex vertical gap={8} className="xz-cs-transfer" data-transfer={tr.id}>
      <Flex gap={8} align="center" wrap="wrap">
        <TransferTag status={tr.status} />
        {tr.status === 'sent' && !tr.canAnswer && <Typography.Text type="secondary" className="xz-small">{t('cs.transfer.waitingHint')}</Typography.Text>}
      </Flex>
      <Descriptions size="small" column={1} items={items} />
      {tr.canAnswer && onAnswer && (
        <Flex gap={8} wrap="wrap">
          <Button type="primary" onClick={() => onAnswer('receive', tr)}>
            {t('cs.answer.receive')}
          </Button>
          <Button danger onClick={() => onAnswer('refuse', tr)}>
            {t('cs.answer.refuse')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

function SameNumber({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  if (c.sameNumber.length === 0) return <Typography.Text type="secondary">{t('cs.noSameNumber')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={c.sameNumber}
      renderItem={(s) => (
        <List.Item>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex gap={6} align="center" wrap="wrap">
              <SourceTag source={s.source} />
              {s.visible ? (
                <Link to={casePath(s.id)} className="xz-mono xz-break">
                  {s.caseNo}
                </Link>
              ) : (
                <span className="xz-mono xz-break">{s.caseNo}</span>
              )}
            </Flex>
            <Typography.Text type="secondary" className="xz-small">
              {s.sourceOrg}
              {s.unit !== s.sourceOrg ? ` · ${s.unit}` : ''} · {t('cs.filedOnShort', { date: formatDate(s.filedOn) })}
            </Typography.Text>
            <div>
              <StageTag stage={s.stage} />
            </div>
          </Flex>
        </List.Item>
      )}
    />
  );
}

function Linked({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  if (c.linked.length === 0) return <Typography.Text type="secondary">{t('cs.noLinked')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={c.linked}
      renderItem={(l) => (
        <List.Item>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex gap={6} align="center" wrap="wrap">
              <SourceTag source={l.source} />
              <Link to={casePath(l.id)} className="xz-mono xz-break">
                {l.caseNo}
              </Link>
            </Flex>
            <Typography.Text type="secondary" className="xz-small">
              {l.unit}
            </Typography.Text>
            <Flex gap={4} wrap="wrap" align="center">
              <StageTag stage={l.stage} />
              <Tag color={l.kind === 'transfer' ? 'blue' : 'default'}>{l.kind === 'transfer' ? t('cs.linkKind.transfer') : t('cs.linkKind.related')}</Tag>
            </Flex>
            {l.note && (
              <Typography.Text type="secondary" className="xz-small xz-pre">
                {l.note}
              </Typography.Text>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}

function AttachFile({ id }: { id: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return <AttachButton upload={(file, onProgress) => casesApi.attach(id, file, onProgress)} onDone={(detail) => queryClient.setQueryData(caseKeyOf(id), detail)} label={t('cs.attach')} />;
}
