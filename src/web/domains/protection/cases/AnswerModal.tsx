import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { caseNumberProblem } from '../../../../shared/protection/cases';
import { isApiError } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { placeFieldErrors } from '../forms';
import { casesApi, CASES_KEY, type TransferView } from './api';

export type Answer = 'receive' | 'refuse';

interface Values {
  receiptNo?: string;
  note?: string;
  policeCaseNo?: string;
  reason?: string;
}

const text = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/**
 * The police answer a transferred case: 接收 with the receipt number (受案回执) and, when they have
 * filed a case of their own, its number (linked to their record); or 不予接收 with the reason.
 */
export function AnswerModal({ answer, transfer, onClose }: { answer: Answer; transfer: TransferView; onClose: () => void }) {
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
      if (answer === 'receive') await casesApi.receive(transfer.id, { receiptNo: v.receiptNo?.trim() ?? '', note: text(v.note), policeCaseNo: text(v.policeCaseNo) });
      else await casesApi.refuse(transfer.id, { reason: v.reason?.trim() ?? '' });
      void queryClient.invalidateQueries({ queryKey: CASES_KEY });
      message.success(answer === 'receive' ? t('cs.answer.received', { no: transfer.caseNo }) : t('cs.answer.refused', { no: transfer.caseNo }));
      onClose();
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        void queryClient.invalidateQueries({ queryKey: CASES_KEY });
        message.warning({ content: errorText(e, t('error.unexpected')), duration: 6 });
        onClose();
        return;
      }
      const { placed, rest } = placeFieldErrors(form, e, lang, ['receiptNo', 'note', 'policeCaseNo', 'reason']);
      if (!placed || rest.length > 0) setProblem(rest[0] ?? errorText(e, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={answer === 'receive' ? t('cs.answer.receiveTitle') : t('cs.answer.refuseTitle')}
      okText={answer === 'receive' ? t('cs.answer.receive') : t('cs.answer.refuse')}
      okButtonProps={{ loading: busy, danger: answer === 'refuse' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={580}
    >
      <Descriptions
        size="small"
        bordered
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'no', label: t('cs.caseNo'), children: <span className="xz-mono">{transfer.caseNo}</span> },
          { key: 'sent', label: t('cs.transfer.sentBy'), children: t('cs.transfer.sentLine', { by: transfer.sentBy, at: formatDateTime(transfer.sentAt) }) },
          { key: 'reason', label: t('cs.transfer.reason'), children: <div className="xz-pre">{transfer.reason}</div> },
        ]}
      />
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={busy}>
        {answer === 'receive' ? (
          <>
            <Form.Item name="receiptNo" label={t('cs.answer.receiptNo')} extra={t('cs.answer.receiptNoHint')} rules={[{ required: true, whitespace: true, message: t('cs.answer.receiptNoRequired') }, { max: 60 }]}>
              <Input maxLength={60} className="xz-mono" />
            </Form.Item>
            <Form.Item
              name="policeCaseNo"
              label={t('cs.answer.policeCaseNo')}
              extra={t('cs.answer.policeCaseNoHint')}
              rules={[
                {
                  validator: async (_r, v: string | undefined) => {
                    const p = v && v.trim() ? caseNumberProblem(v) : null;
                    if (p) throw new Error(p[lang]);
                  },
                },
              ]}
            >
              <Input maxLength={60} className="xz-mono" />
            </Form.Item>
            <Form.Item name="note" label={t('prd.noteOptional')} rules={[{ max: 1000 }]}>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('cs.answer.refuseIntro')}</Typography.Paragraph>
            <Form.Item name="reason" label={t('cs.answer.refuseReason')} rules={[{ required: true, whitespace: true, message: t('cs.answer.refuseReasonRequired') }, { max: 1000 }]}>
              <Input.TextArea rows={4} maxLength={1000} showCount />
            </Form.Item>
          </>
        )}
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}
