import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { placeFieldErrors } from '../forms';
import { keyListApi, type ApplicationView, type OfficerAction } from './api';

type Values = { note?: string; reason?: string; decision?: 'renew' | 'exit' };

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function bodyOf(action: OfficerAction, v: Values): object {
  switch (action) {
    case 'county-pass':
    case 'approve':
      return text(v.note) ? { note: text(v.note) } : {};
    case 'return':
      return { reason: text(v.reason) ?? '' };
    case 'review':
      return { decision: v.decision ?? 'renew', ...(text(v.reason) ? { reason: text(v.reason) } : {}) };
  }
}

const FIELDS: Record<OfficerAction, string[]> = { 'county-pass': ['note'], approve: ['note'], return: ['reason'], review: ['decision', 'reason'] };

/** A year from today, as the server counts it (the same day next year). */
function aYearFromToday(): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() + 1);
  return formatDate(d.toISOString());
}

/** One officer's step on an application, in a dialog that says what the step does and asks for what it needs. */
export function KeyListActionModal({ action, app, onClose }: { action: OfficerAction; app: ApplicationView; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const next = await keyListApi.act(app.id, action, bodyOf(action, v));
      queryClient.setQueryData(['key-list-application', app.id], next);
      void queryClient.invalidateQueries({ queryKey: ['key-list-applications'] });
      message.success(t('kl.done', { action: t(`kl.action.${action}`) }));
      onClose();
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        message.warning({ content: t('kl.conflict'), duration: 6 });
        void queryClient.invalidateQueries({ queryKey: ['key-list-application', app.id] });
        onClose();
        return;
      }
      const { placed, rest } = placeFieldErrors(form, e, lang, FIELDS[action]);
      if (!placed || rest.length > 0) setProblem(rest[0] ?? errorText(e, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  const danger = action === 'return';
  return (
    <Modal
      open
      title={t(`kl.dialog.${action}`)}
      okText={t(`kl.action.${action}`)}
      okButtonProps={{ danger, loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      mask={{ closable: false }}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={busy} initialValues={action === 'review' ? { decision: 'renew' } : {}} preserve={false}>
        <Fields action={action} app={app} />
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}

function Fields({ action, app }: { action: OfficerAction; app: ApplicationView }) {
  const { t } = useI18n();
  const decision = Form.useWatch('decision') as Values['decision'];
  const note = (
    <Form.Item name="note" label={t('kl.noteOptional')} rules={[{ max: 500 }]}>
      <Input.TextArea rows={3} maxLength={500} showCount />
    </Form.Item>
  );
  switch (action) {
    case 'county-pass':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('kl.countyPassIntro', { org: app.orgName })}</Typography.Paragraph>
          {note}
        </>
      );
    case 'approve':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('kl.approveIntro', { org: app.orgName, due: aYearFromToday() })}</Typography.Paragraph>
          {note}
        </>
      );
    case 'return':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('kl.returnIntro')}</Typography.Paragraph>
          <Form.Item name="reason" label={t('kl.returnReason')} rules={[{ required: true, whitespace: true, message: t('kl.reasonRequired') }, { max: 500 }]}>
            <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('kl.returnPlaceholder')} />
          </Form.Item>
        </>
      );
    case 'review':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('kl.reviewIntro', { org: app.orgName, due: formatDate(app.reviewDue) })}</Typography.Paragraph>
          <Form.Item name="decision" label={t('kl.reviewDecision')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'renew', label: t('kl.decision.renew') },
                { value: 'exit', label: t('kl.decision.exit') },
              ]}
            />
          </Form.Item>
          {decision === 'exit' ? (
            <Form.Item name="reason" label={t('kl.exitReason')} extra={t('kl.exitReasonHint')} rules={[{ required: true, whitespace: true, message: t('kl.reasonRequired') }, { max: 500 }]}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          ) : (
            <>
              <Typography.Paragraph>{t('kl.renewIntro')}</Typography.Paragraph>
              <Form.Item name="reason" label={t('kl.noteOptional')} rules={[{ max: 500 }]}>
                <Input.TextArea rows={2} maxLength={500} showCount />
              </Form.Item>
            </>
          )}
        </>
      );
  }
}
