import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Button, Card, Checkbox, Descriptions, Empty, Flex, Form, Input, Modal, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError } from '../../../app/ui/States';
import { placeFieldErrors } from '../forms';
import { EvidenceUpload, uploadTokens, uploading, type EvidenceFile } from '../public/EvidenceUpload';
import { creditApi, type MineRecord } from './api';
import { categoryName, CreditKindTag, CreditStatusTag, repairStatusName, severityName } from './labels';
import { PublicationPeriod } from './parts';

/** The firm's own credit records (守信 and 失信) as published, and its applications for credit repair. */
export default function CreditMinePage() {
  const { t } = useI18n();
  const mine = useQuery({ queryKey: ['credit-mine'], queryFn: ({ signal }) => creditApi.mine(signal) });
  const [repairing, setRepairing] = useState<MineRecord | null>(null);

  if (mine.isError) return <LoadError error={mine.error} onRetry={() => mine.refetch()} />;
  const data = mine.data;
  const live = data?.records.filter((r) => r.status === 'published' || r.status === 'repairing') ?? [];
  const past = data?.records.filter((r) => r.status === 'ended' || r.status === 'revoked') ?? [];
  return (
    <>
      <PageHeader title={t('nav.creditMine')} subtitle={data ? t('cr.mine.subtitle', { name: data.organisation.name, uscc: data.organisation.uscc ?? '—' }) : undefined} />
      <Flex vertical gap={16}>
        <Alert type="info" showIcon icon={<SafetyCertificateOutlined />} title={t('cr.mine.repairRuleTitle')} description={t('cr.mine.repairRule')} />
        {!data ? (
          <Card>
            <Skeleton active />
          </Card>
        ) : (
          <>
            <Card size="small" title={t('cr.mine.current', { n: live.length })}>
              {live.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cr.mine.none')} /> : <Flex vertical gap={12}>{live.map((r) => <RecordCard key={r.id} record={r} onRepair={() => setRepairing(r)} />)}</Flex>}
            </Card>
            {past.length > 0 && (
              <Card size="small" title={t('cr.mine.past', { n: past.length })}>
                <Flex vertical gap={12}>
                  {past.map((r) => (
                    <RecordCard key={r.id} record={r} />
                  ))}
                </Flex>
              </Card>
            )}
          </>
        )}
      </Flex>
      {repairing && <RepairModal record={repairing} onClose={() => setRepairing(null)} />}
    </>
  );
}

function RecordCard({ record: r, onRepair }: { record: MineRecord; onRepair?: () => void }) {
  const { t } = useI18n();
  const decision = r.files.find((f) => f.id === r.decisionFileId);
  const open = r.repairs.find((p) => p.status === 'submitted');
  const last = r.repairs[0];
  return (
    <Card size="small" type="inner" className="xz-cr-mine-card" title={<Flex gap={6} wrap="wrap" align="center"><CreditKindTag kind={r.kind} /><span>{categoryName(t, r.category)}</span>{r.severity && <Tag>{severityName(t, r.severity)}</Tag>}<CreditStatusTag status={r.status} /></Flex>} extra={<span className="xz-mono xz-small">{r.ref}</span>}>
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'no', label: t('cr.decisionNo'), children: r.decisionNo },
            { key: 'org', label: t('cr.decisionOrg'), children: r.decisionOrg },
            { key: 'period', label: t('cr.period'), children: <PublicationPeriod record={r} /> },
            { key: 'basis', label: t('cr.legalBasis'), children: r.legalBasis },
            { key: 'facts', label: t('cr.facts'), children: <div className="xz-pre">{r.facts}</div>, span: 2 },
            ...(decision ? [{ key: 'file', label: t('cr.decisionFile'), children: <a href={creditApi.mineFileUrl(r.id, decision.id)} download={decision.name}><DownloadOutlined aria-hidden /> {decision.name}</a>, span: 2 }] : []),
            ...(r.endReason ? [{ key: 'end', label: t('cr.endReason'), children: r.endReason, span: 2 }] : []),
            ...(r.revokeReason ? [{ key: 'revoke', label: t('cr.revokeReason'), children: r.revokeReason, span: 2 }] : []),
          ]}
        />
        {last && (
          <Alert
            type={last.status === 'approved' ? 'success' : last.status === 'refused' ? 'error' : 'warning'}
            showIcon
            title={t('cr.mine.lastRepair', { status: repairStatusName(t, last.status), date: formatDateTime(last.submittedAt) })}
            description={last.decisionNote ? <div className="xz-pre" data-testid="repair-note">{last.decisionNote}</div> : undefined}
          />
        )}
        {r.kind === 'distrust' && r.status === 'published' && onRepair && (
          <Flex gap={12} align="center" wrap="wrap">
            <Button type="primary" disabled={!r.actions.includes('repair')} onClick={onRepair}>
              {t('cr.mine.applyRepair')}
            </Button>
            {!r.actions.includes('repair') && r.repairOpensOn && <Typography.Text type="secondary">{t('cr.mine.repairFrom', { date: formatDate(r.repairOpensOn) })}</Typography.Text>}
          </Flex>
        )}
        {open && <Typography.Text type="secondary">{t('cr.mine.underReview')}</Typography.Text>}
      </Flex>
    </Card>
  );
}

interface RepairValues {
  reasons: string;
  commitment: boolean;
  files?: EvidenceFile[];
}

/** 信用修复申请: what the firm did to correct the conduct, its commitment, and supporting files. */
function RepairModal({ record: r, onClose }: { record: MineRecord; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RepairValues>();
  const files = Form.useWatch('files', form);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: RepairValues) => {
    setBusy(true);
    setProblem(null);
    try {
      queryClient.setQueryData(['credit-mine'], await creditApi.repair(r.id, { reasons: v.reasons.trim(), commitment: true, files: uploadTokens(v.files) }));
      message.success(t('cr.mine.repairSent'));
      onClose();
    } catch (e) {
      const { placed, rest } = placeFieldErrors(form, e, lang, ['reasons', 'commitment', 'files']);
      if (!placed || rest.length > 0) setProblem(rest[0] ?? errorText(e, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('cr.mine.repairTitle', { ref: r.ref })} okText={t('cr.mine.repairSubmit')} onOk={() => form.submit()} okButtonProps={{ loading: busy, disabled: uploading(files) }} onCancel={onClose} destroyOnHidden width={640} mask={{ closable: false }}>
      <Typography.Paragraph type="secondary">{t('cr.mine.repairIntro', { no: r.decisionNo })}</Typography.Paragraph>
      <Form<RepairValues> form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item name="reasons" label={t('cr.mine.reasons')} rules={[{ required: true, whitespace: true, message: t('cr.mine.reasonsRequired') }, { max: 4000 }]} extra={t('cr.mine.reasonsHint')}>
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="files" label={t('cr.mine.files')} extra={t('cr.mine.filesHint')} valuePropName="value">
          <EvidenceUpload />
        </Form.Item>
        <Form.Item name="commitment" valuePropName="checked" rules={[{ validator: async (_r, v: boolean) => { if (!v) throw new Error(t('cr.mine.commitmentRequired')); } }]}>
          <Checkbox>{t('cr.mine.commitment')}</Checkbox>
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}
