import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { placeFieldErrors } from '../forms';
import { casesApi, CASES_KEY, caseKeyOf, type CaseDetail } from './api';

interface Values {
  toOrgId: string;
  reason: string;
}

/**
 * 移送公安: an administrative case that may be a crime goes to a police organisation, which is told
 * by mail and answers with a receipt (受案回执) or a refusal.
 */
export function TransferModal({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const targets = useQuery({ queryKey: ['cases', 'transfer-targets'], queryFn: casesApi.transferTargets, staleTime: 300_000 });
  const only = targets.data?.items.length === 1 ? targets.data.items[0]?.id : undefined;

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await casesApi.transfer(detail.id, { toOrgId: v.toOrgId, reason: v.reason.trim() });
      queryClient.setQueryData(caseKeyOf(detail.id), saved);
      void queryClient.invalidateQueries({ queryKey: CASES_KEY });
      message.success(t('cs.transfer.done', { to: saved.transfers[0]?.toOrg ?? '' }));
      onClose();
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        void queryClient.invalidateQueries({ queryKey: caseKeyOf(detail.id) });
        message.warning({ content: errorText(e, t('error.unexpected')), duration: 6 });
        onClose();
        return;
      }
      const { placed, rest } = placeFieldErrors(form, e, lang, ['toOrgId', 'reason']);
      if (!placed || rest.length > 0) setProblem(rest[0] ?? errorText(e, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('cs.transfer.title')}
      okText={t('cs.transfer.submit')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('cs.transfer.intro', { no: detail.caseNo, cause: detail.cause })}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={busy} key={only ?? 'none'} initialValues={{ toOrgId: only }}>
        <Form.Item name="toOrgId" label={t('cs.transfer.to')} rules={[{ required: true, message: t('cs.transfer.toRequired') }]}>
          <Select
            loading={targets.isLoading}
            options={(targets.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            notFoundContent={targets.isError ? errorText(targets.error, t('error.unexpected')) : t('cs.transfer.noTargets')}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('cs.transfer.reason')} extra={t('cs.transfer.reasonHint')} rules={[{ required: true, whitespace: true, message: t('cs.transfer.reasonRequired') }, { max: 1000 }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}
