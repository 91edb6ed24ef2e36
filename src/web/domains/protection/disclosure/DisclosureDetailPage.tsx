import { EditOutlined, EyeOutlined, GlobalOutlined } from '@ant-design/icons';
import { RevealButton } from '../RevealButton';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Steps, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import { AttachButton, FileTable } from '../FileTable';
import { HistoryTimeline } from '../reports/HistoryTimeline';
import { disclosureApi, type DecisionDetail, type DisclosureFileCategory, type Revealed } from './api';
import { PublishModal, ReviewModal, WithdrawModal } from './DisclosureModals';
import { Amounts, DisclosureStatusTag, KindTags, PublishDue, disclosureLines, disclosureStatusName, disclosureStepName, partyKindName } from './labels';

type Dialog = 'review' | 'publish' | 'withdraw';

/** One penalty decision: what was decided, its legal review and whole-process record (internal), its publication, its history. */
export default function DisclosureDetailPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const result = useQuery({ queryKey: ['disclosure', id], queryFn: ({ signal }) => disclosureApi.get(id, signal), enabled: valid });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [tab, setTab] = useState('decision');

  if (!valid || isNotFound(result.error)) return <RecordNotFound backTo="/protection/disclosure" backLabel={t('dc.backToList')} />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => result.refetch()} />;
  const d = result.data;
  if (!d) return <Skeleton active paragraph={{ rows: 10 }} />;
  const can = (a: string) => d.actions.includes(a);

  const reviewFiles = d.files.filter((f) => f.category === 'review');
  const processFiles = d.files.filter((f) => f.category === 'process');

  return (
    <>
      <PageHeader
        back="/protection/disclosure"
        title={d.decisionNo}
        tags={
          <Flex gap={4} wrap="wrap" align="center">
            <DisclosureStatusTag status={d.status} />
            {d.overdue && <Tag color="red">{t('dc.overdue')}</Tag>}
            {d.publishedLate && <Tag color="orange">{t('dc.publishedLate')}</Tag>}
            {d.isDemo && <DemoTag />}
          </Flex>
        }
        subtitle={t('dc.detailSubtitle', { party: d.party.name, authority: d.authority, date: formatDate(d.decidedOn) })}
        extra={
          <>
            {can('edit') && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/protection/disclosure/${d.id}/edit`)}>
                {t('dc.action.edit')}
              </Button>
            )}
            {can('review') && (
              <Button type="primary" onClick={() => setDialog('review')}>
                {t('dc.action.review')}
              </Button>
            )}
            {d.status === 'draft' && (
              <Tooltip title={t('dc.publishNeedsReview')}>
                <Button disabled>{t('dc.action.publish')}</Button>
              </Tooltip>
            )}
            {can('publish') && (
              <Button type="primary" icon={<EyeOutlined />} onClick={() => setDialog('publish')}>
                {t('dc.action.publish')}
              </Button>
            )}
            {d.status === 'published' && (
              <Button icon={<GlobalOutlined />} onClick={() => window.open(`/public/enforcement/${d.id}`, '_blank', 'noopener')}>
                {t('dc.openPublic')}
              </Button>
            )}
            {can('withdraw') && (
              <Button danger onClick={() => setDialog('withdraw')}>
                {t('dc.action.withdraw')}
              </Button>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex vertical gap={16}>
            <Progress decision={d} />
            <StatusNote decision={d} onReview={() => setDialog('review')} onReviewTab={() => setTab('review')} />
          </Flex>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card size="small">
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  { key: 'decision', label: t('dc.tab.decision'), children: <DecisionFacts decision={d} /> },
                  {
                    key: 'review',
                    label: (
                      <span>
                        {t('dc.tab.review')} {d.review ? <Tag color="green" className="xz-tag-inline">{t('dc.done')}</Tag> : <Tag color="gold" className="xz-tag-inline">{t('dc.todo')}</Tag>}
                      </span>
                    ),
                    children: <ReviewPart decision={d} files={reviewFiles} onReview={() => setDialog('review')} />,
                  },
                  {
                    key: 'process',
                    label: `${t('dc.tab.process')}（${processFiles.length}）`,
                    children: <FilesPart decision={d} category="process" files={processFiles} />,
                  },
                  {
                    key: 'history',
                    label: t('dc.tab.history'),
                    children: (
                      <>
                        <Typography.Paragraph type="secondary" className="xz-small">
                          {t('prd.historyHint')}
                        </Typography.Paragraph>
                        <HistoryTimeline
                          entries={d.history}
                          statusName={(s) => disclosureStatusName(t, s)}
                          stepName={(from, to) => disclosureStepName(t, from, to)}
                          submittedLabel={t('dc.hist.created')}
                          extraLines={(e) => disclosureLines(t, e, '、')}
                        />
                      </>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              <Card size="small" title={t('dc.publishInfo')}>
                <Publication decision={d} />
              </Card>
              <Card size="small" title={t('dc.party')} extra={can('reveal') ? <PartyReveal id={d.id} /> : null}>
                <PartyFacts decision={d} />
              </Card>
            </Flex>
          </Col>
        </Row>
      </Flex>
      {dialog === 'review' && <ReviewModal decision={d} files={reviewFiles} onClose={() => setDialog(null)} />}
      {dialog === 'publish' && <PublishModal decision={d} onClose={() => setDialog(null)} />}
      {dialog === 'withdraw' && <WithdrawModal decision={d} onClose={() => setDialog(null)} />}
    </>
  );
}

/** 录入 → 法制审核 → 公示 (→ 撤下), with the date each was done. */
function Progress({ decision: d }: { decision: DecisionDetail }) {
  const { t } = useI18n();
  const at = (to: string) => d.history.filter((e) => e.kind === 'state' && e.payload.to === to).at(-1)?.at;
  const current = d.status === 'draft' ? 1 : d.status === 'reviewed' ? 2 : 3;
  return (
    <Steps
      size="small"
      current={current}
      status={d.status === 'withdrawn' ? 'error' : d.overdue ? 'error' : undefined}
      items={[
        { title: t('dc.steps.record'), content: formatDateTime(d.createdAt) },
        { title: t('dc.steps.review'), content: d.review ? formatDate(d.review.reviewedOn) : undefined },
        { title: t('dc.steps.publish'), content: d.publishedAt ? formatDateTime(d.publishedAt) : t('dc.dueBy', { date: formatDate(d.publishDue) }) },
        ...(d.status === 'withdrawn' ? [{ title: t('dc.steps.withdrawn'), content: formatDateTime(at('withdrawn')) }] : []),
      ]}
    />
  );
}

/** What the state means now, in one line, with the step to take. */
function StatusNote({ decision: d, onReview, onReviewTab }: { decision: DecisionDetail; onReview: () => void; onReviewTab: () => void }) {
  const { t } = useI18n();
  const due = formatDate(d.publishDue);
  switch (d.status) {
    case 'draft': {
      const hasFile = d.files.some((f) => f.category === 'review');
      return (
        <Alert
          type={d.overdue ? 'error' : 'warning'}
          showIcon
          title={d.overdue ? t('dc.note.draftOverdue', { due }) : t('dc.note.draft', { due })}
          action={
            hasFile ? (
              <Button size="small" type="primary" onClick={onReview}>
                {t('dc.action.review')}
              </Button>
            ) : (
              <Button size="small" onClick={onReviewTab}>
                {t('dc.uploadReview')}
              </Button>
            )
          }
        />
      );
    }
    case 'reviewed':
      return <Alert type={d.overdue ? 'error' : 'info'} showIcon title={d.overdue ? t('dc.note.reviewedOverdue', { due }) : t('dc.note.reviewed', { due })} />;
    case 'published':
      return <Alert type="success" showIcon title={t('dc.note.published', { date: formatDateTime(d.publishedAt) })} />;
    case 'withdrawn':
      return <Alert type="warning" showIcon title={t('dc.note.withdrawn', { date: formatDateTime(d.withdrawnAt) })} description={<div className="xz-pre">{d.withdrawReason}</div>} />;
  }
}

function DecisionFacts({ decision: d }: { decision: DecisionDetail }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={[
        { key: 'no', label: t('dc.decisionNo'), children: d.decisionNo },
        { key: 'decided', label: t('dc.decidedOn'), children: <span className="xz-num">{formatDate(d.decidedOn)}</span> },
        { key: 'authority', label: t('dc.authority'), children: d.authority },
        { key: 'area', label: t('dc.area'), children: d.areaName },
        { key: 'kinds', label: t('dc.kinds'), children: <KindTags kinds={d.kinds} />, span: 2 },
        { key: 'amounts', label: t('dc.amounts'), children: <Amounts fine={d.fineAmount} confiscated={d.confiscatedAmount} />, span: 2 },
        { key: 'facts', label: t('dc.facts'), children: <div className="xz-pre">{d.facts}</div>, span: 2 },
        { key: 'provisions', label: t('dc.provisions'), children: <div className="xz-pre">{d.provisions}</div>, span: 2 },
        { key: 'basis', label: t('dc.basis'), children: <div className="xz-pre">{d.basis}</div>, span: 2 },
        { key: 'penalty', label: t('dc.penalty'), children: <div className="xz-pre">{d.penalty}</div>, span: 2 },
        ...(d.otherNames.length > 0 ? [{ key: 'others', label: t('dc.otherNames'), children: d.otherNames.join('、'), span: 2 }] : []),
        ...(d.report ? [{ key: 'report', label: t('dc.report'), children: <Link to={`/protection/reports/${d.report.id}`} className="xz-mono">{d.report.ref}</Link>, span: 2 }] : []),
      ]}
    />
  );
}

function PartyFacts({ decision: d }: { decision: DecisionDetail }) {
  const { t } = useI18n();
  const p = d.party;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'kind', label: t('dc.partyKindLabel'), children: <Tag>{partyKindName(t, p.kind)}</Tag> },
        { key: 'name', label: p.kind === 'organisation' ? t('dc.orgName') : t('dc.personName'), children: p.name },
        ...(p.kind === 'organisation'
          ? [{ key: 'uscc', label: t('dc.uscc'), children: <span className="xz-mono">{p.uscc ?? '—'}</span> }]
          : [
              { key: 'id', label: t('dc.idNumber'), children: <span className="xz-num">{p.idNumber ?? '—'}</span> },
              { key: 'phone', label: t('dc.phone'), children: <span className="xz-num">{p.phone ?? '—'}</span> },
            ]),
        { key: 'address', label: p.kind === 'organisation' ? t('dc.orgAddress') : t('dc.personAddressMasked'), children: p.address ?? '—' },
      ]}
    />
  );
}

function Publication({ decision: d }: { decision: DecisionDetail }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'status', label: t('common.status'), children: <DisclosureStatusTag status={d.status} /> },
        { key: 'due', label: t('dc.publishDue'), children: <PublishDue item={d} /> },
        { key: 'published', label: t('dc.publishedAt'), children: <span className="xz-num">{formatDateTime(d.publishedAt)}</span> },
        ...(d.withdrawnAt ? [{ key: 'withdrawn', label: t('dc.withdrawnAt'), children: <span className="xz-num">{formatDateTime(d.withdrawnAt)}</span> }] : []),
        ...(d.status === 'published' ? [{ key: 'link', label: t('dc.publicPage'), children: <a href={`/public/enforcement/${d.id}`} target="_blank" rel="noopener noreferrer">{t('dc.openPublic')}</a> }] : []),
      ]}
    />
  );
}

function ReviewPart({ decision: d, files, onReview }: { decision: DecisionDetail; files: DecisionDetail['files']; onReview: () => void }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={16}>
      {d.review ? (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'reviewer', label: t('dc.reviewer'), children: d.review.reviewer },
            { key: 'unit', label: t('dc.reviewUnit'), children: d.review.unit ?? '—' },
            { key: 'date', label: t('dc.reviewedOn'), children: <span className="xz-num">{formatDate(d.review.reviewedOn)}</span> },
            { key: 'by', label: t('dc.recordedBy'), children: d.review.recordedBy ?? '—' },
            { key: 'opinion', label: t('dc.reviewOpinion'), children: <div className="xz-pre">{d.review.opinion}</div>, span: 2 },
            {
              key: 'file',
              label: t('dc.reviewFile'),
              children: <a href={disclosureApi.fileUrl(d.id, d.review.fileId)}>{files.find((f) => f.id === d.review?.fileId)?.name ?? `#${d.review.fileId}`}</a>,
              span: 2,
            },
          ]}
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t('dc.noReview')}
          action={
            d.actions.includes('review') && files.length > 0 ? (
              <Button size="small" type="primary" onClick={onReview}>
                {t('dc.action.review')}
              </Button>
            ) : undefined
          }
        />
      )}
      <FilesPart decision={d} category="review" files={files} />
    </Flex>
  );
}

function FilesPart({ decision: d, category, files }: { decision: DecisionDetail; category: DisclosureFileCategory; files: DecisionDetail['files'] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" gap={8} wrap="wrap">
        <Typography.Text strong>{category === 'review' ? t('dc.reviewFiles') : t('dc.processFiles')}</Typography.Text>
        {d.actions.includes('attach') && (
          <AttachButton
            label={category === 'review' ? t('dc.uploadReview') : t('dc.uploadProcess')}
            upload={(file, onProgress) => disclosureApi.attach(d.id, category, file, onProgress)}
            onDone={(next) => {
              queryClient.setQueryData(['disclosure', d.id], next);
              void queryClient.invalidateQueries({ queryKey: ['disclosures'] });
            }}
          />
        )}
      </Flex>
      <Typography.Text type="secondary" className="xz-small">
        {category === 'review' ? t('dc.reviewFilesHint') : t('dc.processHint')}
      </Typography.Text>
      <FileTable files={files} urlOf={(fileId) => disclosureApi.fileUrl(d.id, fileId)} emptyText={t('dc.noFiles')} />
    </Flex>
  );
}

function PartyReveal({ id }: { id: number }) {
  const { t } = useI18n();
  return (
    <RevealButton<Revealed> reveal={() => disclosureApi.reveal(id)} title={t('dc.revealTitle')} warning={t('dc.revealWarning')}>
      {(shown) => (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: 'name', label: t('dc.personName'), children: shown.name },
            { key: 'id', label: t('dc.idNumber'), children: shown.idNumber },
            { key: 'phone', label: t('dc.phone'), children: shown.phone ?? '—' },
            { key: 'address', label: t('dc.personAddress'), children: shown.address },
            ...(shown.otherNames.length > 0 ? [{ key: 'others', label: t('dc.otherNames'), children: shown.otherNames.join('、') }] : []),
          ]}
        />
      )}
    </RevealButton>
  );
}
