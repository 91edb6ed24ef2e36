import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Button, Descriptions, Form, Input, InputNumber, Modal, Radio, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../app/api';
import { errorText, useFormErrorHandler } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { placeFieldErrors } from '../forms';
import { creditApi, publicCreditApi, type OfficerAction, type RecordDetail, type RulesView } from './api';

/**
 * The signed bundle for the city's public credit platform, as a .zip the browser saves: everything
 * published so far, or only what changed after the cursor of the last bundle.
 */
export function CreditExportModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'all' | 'since' | null>(null);
  const [since, setSince] = useState<number | null>(null);
  const key = useQuery({ queryKey: ['credit-export-key'], queryFn: () => publicCreditApi.exportKey() });
  const last = useQuery({ queryKey: ['credit-export-last'], queryFn: ({ signal }) => creditApi.lastExport(signal) });
  // After a first export, the usual next one is the increment since it.
  const chosen = mode ?? (last.data?.last ? 'since' : 'all');
  const from = since ?? (last.data?.last ? Number(last.data.last.cursorTo) : null);
  const ready = !!last.data && (chosen === 'all' || from !== null);
  const waiting = last.data?.last ? Number(last.data.current) - Number(last.data.last.cursorTo) : null;
  return (
    <Modal open title={t('cr.exportTitle')} onCancel={onClose} footer={null} width={600} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('cr.exportIntro')}</Typography.Paragraph>
      {last.data?.last ? (
        <Alert
          type={waiting ? 'info' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          title={t('cr.exportLast', { date: formatDateTime(last.data.last.at), by: last.data.last.by, n: last.data.last.records, to: last.data.last.cursorTo })}
          description={waiting ? t('cr.exportWaiting', { n: waiting }) : t('cr.exportNothingNew')}
        />
      ) : last.data ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('cr.exportFirst')} />
      ) : null}
      <Radio.Group
        value={chosen}
        onChange={(e) => setMode(e.target.value as 'all' | 'since')}
        style={{ display: 'flex', flexDirection: 'column', gap: 8, marginBottom: 12 }}
        options={[
          { value: 'all', label: t('cr.exportAll') },
          { value: 'since', label: t('cr.exportSince') },
        ]}
      />
      {chosen === 'since' && (
        <Form.Item label={t('cr.exportCursor')} extra={t('cr.exportCursorHint')} layout="vertical">
          <InputNumber min={0} precision={0} value={from} onChange={(v) => setSince(typeof v === 'number' ? v : null)} style={{ width: 200 }} aria-label={t('cr.exportCursor')} />
        </Form.Item>
      )}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'files', label: t('cr.exportFiles'), children: <span className="xz-mono xz-small">records.json · records.csv · manifest.json · manifest.sig · manifest.ed25519.sig</span> },
          {
            key: 'key',
            label: t('cr.exportKey'),
            children: key.data ? (
              <Typography.Text className="xz-mono xz-small xz-break" copyable={{ text: key.data.publicKeyPem }}>
                SHA-256 {key.data.publicKeySha256.slice(0, 16)}…
              </Typography.Text>
            ) : (
              <Skeleton.Input active size="small" />
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="xz-small" style={{ marginTop: 12 }}>
        {t('cr.exportVerifyHint')}
      </Typography.Paragraph>
      <Button type="primary" icon={<DownloadOutlined />} href={ready ? creditApi.exportUrl(chosen === 'since' && from !== null ? String(from) : undefined) : undefined}
        disabled={!ready}
        download
        onClick={() =>
          setTimeout(() => {
            void queryClient.invalidateQueries({ queryKey: ['credit-export-last'] });
            onClose();
          }, 500)
        }
      >
        {t('cr.exportDownload')}
      </Button>
    </Modal>
  );
}

/** The city office's credit-repair rule: minimum publication months before repair, and the "ending soon" window. */
export function CreditRulesModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RulesView>();
  const onError = useFormErrorHandler(form);
  const rules = useQuery({ queryKey: ['credit-rules'], queryFn: ({ signal }) => creditApi.rules(signal) });
  const [busy, setBusy] = useState(false);
  const save = async (v: RulesView) => {
    setBusy(true);
    try {
      queryClient.setQueryData(['credit-rules'], await creditApi.saveRules(v));
      void queryClient.invalidateQueries({ queryKey: ['credit-records'] });
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('cr.rulesTitle')} okText={t('common.save')} onOk={() => form.submit()} okButtonProps={{ loading: busy, disabled: !rules.data }} onCancel={onClose} destroyOnHidden width={560}>
      <Typography.Paragraph type="secondary">{t('cr.rulesIntro')}</Typography.Paragraph>
      {rules.data ? (
        <Form<RulesView> form={form} layout="vertical" initialValues={rules.data} onFinish={save} disabled={busy}>
          <Form.Item name={['repairMinMonths', 'general']} label={t('cr.rulesGeneral')} rules={[{ required: true }]}>
            <InputNumber min={0} max={36} precision={0} suffix={t('cr.months')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name={['repairMinMonths', 'serious']} label={t('cr.rulesSerious')} rules={[{ required: true }]}>
            <InputNumber min={0} max={60} precision={0} suffix={t('cr.months')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="endingSoonDays" label={t('cr.rulesEndingSoon')} rules={[{ required: true }]}>
            <InputNumber min={1} max={180} precision={0} suffix={t('common.days')} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      ) : (
        <Skeleton active />
      )}
    </Modal>
  );
}

type Values = { reason?: string; note?: string };
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const NEEDS_REASON: readonly OfficerAction[] = ['revoke', 'end', 'repair-refuse'];

/** One officer step on a record, in a dialog that says what the step does and asks for what it needs. */
export function CreditActionModal({ action, record, onClose }: { action: OfficerAction; record: RecordDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const discard = action === 'revoke' && record.status === 'draft';
  const label = discard ? t('cr.action.discard') : t(`cr.action.${action}`);

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const body = NEEDS_REASON.includes(action) ? { reason: text(v.reason) ?? '' } : action === 'repair-approve' && text(v.note) ? { note: text(v.note) } : {};
      const next = await creditApi.act(record.id, action, body);
      queryClient.setQueryData(['credit-record', record.id], next);
      void queryClient.invalidateQueries({ queryKey: ['credit-records'] });
      message.success(t('cr.done', { action: label }));
      onClose();
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        message.warning({ content: t('cr.conflict'), duration: 6 });
        void queryClient.invalidateQueries({ queryKey: ['credit-record', record.id] });
        onClose();
        return;
      }
      const { placed, rest } = placeFieldErrors(form, e, lang, ['reason', 'note']);
      if (!placed || rest.length > 0) setProblem(rest[0] ?? errorText(e, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  const intro = () => {
    switch (action) {
      case 'publish':
        return record.kind === 'distrust' ? t('cr.publishIntroDistrust', { name: record.subjectName, end: formatDate(record.endsOn) }) : t('cr.publishIntroTrust', { name: record.subjectName });
      case 'revoke':
        return discard ? t('cr.discardIntro') : t('cr.revokeIntro');
      case 'end':
        return t('cr.endIntro', { name: record.subjectName });
      case 'repair-approve':
        return t('cr.approveIntro', { name: record.subjectName });
      case 'repair-refuse':
        return t('cr.refuseIntro');
    }
  };
  const danger = action === 'revoke' || action === 'repair-refuse';
  return (
    <Modal
      open
      title={discard ? t('cr.dialog.discard') : t(`cr.dialog.${action}`)}
      okText={label}
      okButtonProps={{ danger, loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      mask={{ closable: false }}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={busy} preserve={false}>
        <Typography.Paragraph type="secondary">{intro()}</Typography.Paragraph>
        {NEEDS_REASON.includes(action) && (
          <Form.Item name="reason" label={action === 'repair-refuse' ? t('cr.refuseReason') : action === 'end' ? t('cr.endReason') : t('cr.revokeReason')} rules={[{ required: true, whitespace: true, message: t('cr.reasonRequired') }, { max: 500 }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
        {action === 'repair-approve' && (
          <Form.Item name="note" label={t('kl.noteOptional')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}
