import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Button, Card, Col, Descriptions, Empty, Flex, List, Row, Skeleton, Steps, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { useReportError } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import type { FileView } from '../api';
import { shortHash } from '../hash';
import { areaText } from '../keylist/labels';
import { HistoryTimeline } from '../reports/HistoryTimeline';
import { creditApi, type OfficerAction, type RecordDetail } from './api';
import { CreditFormDrawer } from './CreditFormDrawer';
import { CreditActionModal } from './CreditModals';
import { categoryName, CreditKindTag, creditStatusName, CreditStatusTag, creditStepName, repairStatusName, severityName, subjectKindName } from './labels';
import { PublicationPeriod, sizeText } from './parts';

const ORDER: OfficerAction[] = ['publish', 'repair-approve', 'repair-refuse', 'end', 'revoke'];
const PRIMARY: readonly OfficerAction[] = ['publish', 'repair-approve'];

/** One credit record: what was decided about whom, its publication, the decision document, repair applications and its record. */
export default function CreditDetailPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const result = useQuery({ queryKey: ['credit-record', id], queryFn: ({ signal }) => creditApi.get(id, signal), enabled: valid });
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<OfficerAction | null>(null);
  const [editing, setEditing] = useState(false);

  if (!valid || isNotFound(result.error)) return <RecordNotFound backTo="/protection/credit" backLabel={t('cr.backToList')} />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => result.refetch()} />;
  const r = result.data;
  if (!r) return <Skeleton active paragraph={{ rows: 10 }} />;

  const actions = ORDER.filter((a) => r.actions.includes(a));
  return (
    <>
      <PageHeader
        back="/protection/credit"
        title={r.subjectName}
        tags={
          <Flex gap={4} wrap="wrap" align="center">
            <CreditKindTag kind={r.kind} />
            <CreditStatusTag status={r.status} />
            {r.isDemo && <DemoTag />}
          </Flex>
        }
        subtitle={t('cr.detailSubtitle', { ref: r.ref, category: categoryName(t, r.category), area: areaText(lang, r.areaCode, r.areaName) })}
        extra={
          <Flex gap={8} wrap="wrap">
            {r.actions.includes('edit') && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('cr.action.edit')}
              </Button>
            )}
            {r.actions.includes('decision') && <DecisionUpload record={r} />}
            {actions.map((a) => (
              <Button key={a} type={PRIMARY.includes(a) ? 'primary' : 'default'} danger={a === 'revoke' || a === 'repair-refuse'} onClick={() => setDialog(a)}>
                {a === 'revoke' && r.status === 'draft' ? t('cr.action.discard') : t(`cr.action.${a}`)}
              </Button>
            ))}
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex vertical gap={16}>
            <CreditSteps record={r} />
            <StatusNote record={r} />
          </Flex>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Flex vertical gap={16}>
              <Card size="small" title={t('cr.content')}>
                <Facts record={r} />
              </Card>
              <Card size="small" title={t('cr.repairs', { n: r.repairs.length })}>
                <Repairs record={r} />
              </Card>
              <Card size="small" title={t('kl.history')} extra={<Typography.Text type="secondary" className="xz-small">{t('prd.historyHint')}</Typography.Text>}>
                <HistoryTimeline entries={r.history} statusName={(s) => creditStatusName(t, s)} stepName={(from, to, p) => creditStepName(t, from, to, p)} submittedLabel={r.source === 'key_list' ? t('cr.hist.fromKeyList') : t('cr.hist.created')} />
              </Card>
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              <Card size="small" title={t('cr.publication')}>
                <Publication record={r} />
              </Card>
              <Card size="small" title={t('cr.files', { n: r.files.length })}>
                <Files record={r} />
              </Card>
            </Flex>
          </Col>
        </Row>
      </Flex>
      {dialog && <CreditActionModal action={dialog} record={r} onClose={() => setDialog(null)} />}
      <CreditFormDrawer
        open={editing}
        record={r}
        onClose={() => setEditing(false)}
        onSaved={(next) => {
          queryClient.setQueryData(['credit-record', r.id], next);
          void queryClient.invalidateQueries({ queryKey: ['credit-records'] });
          setEditing(false);
        }}
      />
    </>
  );
}

/** 录入 → 公示 → (信用修复) → 终止: where the record stands. */
function CreditSteps({ record: r }: { record: RecordDetail }) {
  const { t } = useI18n();
  const repairable = r.kind === 'distrust';
  const items = [
    { title: t('cr.step.draft'), content: formatDate(r.createdAt) },
    { title: t('cr.step.published'), content: r.publishedAt ? formatDate(r.publishedAt) : undefined },
    ...(repairable ? [{ title: t('cr.step.repair'), content: r.repairs[0] ? repairStatusName(t, r.repairs[0].status) : r.repairOpensOn ? t('cr.repairFrom', { date: formatDate(r.repairOpensOn) }) : undefined }] : []),
    { title: r.status === 'revoked' ? t('cr.status.revoked') : t('cr.step.ended'), content: r.endedOn ? formatDate(r.endedOn) : r.endsOn ? t('cr.until', { date: formatDate(r.endsOn) }) : undefined },
  ];
  const index: Record<RecordDetail['status'], number> = { draft: 0, published: 1, repairing: 2, ended: items.length - 1, revoked: items.length - 1 };
  return <Steps size="small" current={index[r.status]} status={r.status === 'revoked' ? 'error' : r.status === 'ended' ? 'finish' : 'process'} items={items} className="xz-cr-steps" />;
}

function StatusNote({ record: r }: { record: RecordDetail }) {
  const { t } = useI18n();
  switch (r.status) {
    case 'draft':
      return <Alert type="info" showIcon title={r.kind === 'distrust' && !r.decisionFileId ? t('cr.note.draftNeedsFile') : t('cr.note.draft')} />;
    case 'published':
      return r.endOverdue ? (
        <Alert type="error" showIcon title={t('cr.note.overdue', { date: formatDate(r.endsOn) })} />
      ) : (
        <Alert type="success" showIcon title={r.endsOn ? t('cr.note.published', { date: formatDate(r.endsOn) }) : t('cr.note.publishedOpen')} />
      );
    case 'repairing':
      return <Alert type="warning" showIcon title={t('cr.note.repairing')} />;
    case 'ended':
      return <Alert type="info" showIcon title={t('cr.note.ended', { date: formatDate(r.endedOn) })} description={<div className="xz-pre">{r.endReason ?? '—'}</div>} />;
    case 'revoked':
      return <Alert type="warning" showIcon title={t('cr.note.revoked')} description={<div className="xz-pre">{r.revokeReason ?? '—'}</div>} />;
  }
}

function Facts({ record: r }: { record: RecordDetail }) {
  const { t, lang } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: t('cr.subjectName'), children: r.subjectName, span: 2 },
        { key: 'uscc', label: t('cr.uscc'), children: <span className="xz-mono">{r.subjectUscc}</span> },
        { key: 'kind', label: t('cr.subjectKind'), children: subjectKindName(t, r.subjectKind) },
        { key: 'area', label: t('kl.area'), children: areaText(lang, r.areaCode, r.areaName) },
        {
          key: 'category',
          label: t('cr.category'),
          children: (
            <Flex gap={4} wrap="wrap">
              {categoryName(t, r.category)}
              {r.severity && <Tag color={r.severity === 'serious' ? 'volcano' : 'default'}>{severityName(t, r.severity)}</Tag>}
            </Flex>
          ),
        },
        { key: 'no', label: t('cr.decisionNo'), children: r.decisionNo },
        { key: 'org', label: t('cr.decisionOrg'), children: r.decisionOrg },
        { key: 'decided', label: t('cr.decidedOn'), children: <span className="xz-num">{formatDate(r.decidedOn)}</span>, span: 2 },
        { key: 'basis', label: t('cr.legalBasis'), children: <div className="xz-pre">{r.legalBasis}</div>, span: 2 },
        { key: 'facts', label: t('cr.facts'), children: <div className="xz-pre">{r.facts}</div>, span: 2 },
      ]}
    />
  );
}

function Publication({ record: r }: { record: RecordDetail }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'status', label: t('common.status'), children: <CreditStatusTag status={r.status} /> },
        { key: 'ref', label: t('cr.ref'), children: <span className="xz-mono">{r.ref}</span> },
        { key: 'period', label: t('cr.period'), children: <PublicationPeriod record={r} /> },
        { key: 'published', label: t('cr.publishedAt'), children: <span className="xz-num">{formatDateTime(r.publishedAt)}</span> },
        ...(r.repairOpensOn ? [{ key: 'repair', label: t('cr.repairOpensOn'), children: <span className="xz-num">{formatDate(r.repairOpensOn)}</span> }] : []),
        ...(r.endReason ? [{ key: 'endReason', label: t('cr.endReason'), children: <div className="xz-pre">{r.endReason}</div> }] : []),
        { key: 'created', label: t('cr.createdBy'), children: `${r.createdBy} · ${formatDateTime(r.createdAt)}` },
      ]}
    />
  );
}

function Files({ record: r }: { record: RecordDetail }) {
  const { t } = useI18n();
  if (r.files.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={r.kind === 'distrust' ? t('cr.noDecisionFile') : t('prd.noFiles')} />;
  return (
    <Table<FileView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={r.files}
      columns={[
        {
          title: t('prd.fileName'),
          dataIndex: 'name',
          render: (name: string, f) => (
            <Flex vertical gap={2}>
              <a href={creditApi.fileUrl(r.id, f.id)} download={name} className="xz-break">
                <DownloadOutlined aria-hidden /> {name}
              </a>
              <Flex gap={4} wrap="wrap" align="center">
                {f.id === r.decisionFileId && <Tag color="blue">{t('cr.decisionFile')}</Tag>}
                <Typography.Text type="secondary" className="xz-small xz-num">
                  {sizeText(f.size)} · {formatDateTime(f.uploadedAt)}
                </Typography.Text>
              </Flex>
            </Flex>
          ),
        },
        {
          title: 'SHA-256',
          dataIndex: 'sha256',
          width: 120,
          render: (h: string) => (
            <Tooltip title={<span className="xz-mono xz-break">{h}</span>}>
              <code className="xz-mono" tabIndex={0}>
                {shortHash(h, 10)}
              </code>
            </Tooltip>
          ),
        },
      ]}
    />
  );
}

function Repairs({ record: r }: { record: RecordDetail }) {
  const { t } = useI18n();
  if (r.kind === 'trust') return <Typography.Text type="secondary">{t('cr.noRepairTrust')}</Typography.Text>;
  if (r.repairs.length === 0) return <Typography.Text type="secondary">{r.repairOpensOn ? t('cr.noRepairYet', { date: formatDate(r.repairOpensOn) }) : t('cr.noRepair')}</Typography.Text>;
  const names = new Map(r.files.map((f) => [f.id, f.name]));
  return (
    <List
      dataSource={r.repairs}
      renderItem={(p) => (
        <List.Item key={p.id}>
          <Flex vertical gap={6} style={{ width: '100%' }}>
            <Flex gap={8} wrap="wrap" align="center">
              <Tag color={p.status === 'approved' ? 'green' : p.status === 'refused' ? 'red' : p.status === 'submitted' ? 'gold' : 'default'}>{repairStatusName(t, p.status)}</Tag>
              <span>{t('cr.repairBy', { org: p.orgName, by: p.applicant })}</span>
              <Typography.Text type="secondary" className="xz-small xz-num">
                {formatDateTime(p.submittedAt)}
              </Typography.Text>
            </Flex>
            <div className="xz-pre">{p.reasons}</div>
            {p.fileIds.length > 0 && (
              <Flex gap={8} wrap="wrap">
                {p.fileIds.map((fid) => (
                  <a key={fid} href={creditApi.fileUrl(r.id, fid)} download>
                    <DownloadOutlined aria-hidden /> {names.get(fid) ?? `#${fid}`}
                  </a>
                ))}
              </Flex>
            )}
            {p.decidedAt && (
              <Typography.Text type="secondary" className="xz-small">
                {t('cr.repairDecided', { by: p.decidedBy ?? '—', date: formatDateTime(p.decidedAt) })}
                {p.decisionNote ? `：${p.decisionNote}` : ''}
              </Typography.Text>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** The decision document: PDF or DOCX; the server checks the content. */
function DecisionUpload({ record: r }: { record: RecordDetail }) {
  const { t } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept=".pdf,.docx"
      showUploadList={false}
      customRequest={({ file }) => {
        setBusy(true);
        creditApi
          .decision(r.id, file as File)
          .then((next) => {
            queryClient.setQueryData(['credit-record', r.id], next);
            message.success(t('cr.decisionUploaded', { name: (file as File).name }));
          })
          .catch(report)
          .finally(() => setBusy(false));
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} type={r.kind === 'distrust' && !r.decisionFileId ? 'primary' : 'default'} ghost={r.kind === 'distrust' && !r.decisionFileId}>
        {r.decisionFileId ? t('cr.action.decisionAgain') : t('cr.action.decision')}
      </Button>
    </Upload>
  );
}
