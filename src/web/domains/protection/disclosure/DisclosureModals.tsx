import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Col, DatePicker, Form, Input, Modal, Radio, Row, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { AttachButton, sizeText } from '../FileTable';
import { placeFieldErrors } from '../forms';
import { disclosureApi, type DecisionDetail } from './api';
import { PublicRecordView } from './PublicRecordView';

/** Runs a step and puts the decision as it now is in place; a 409 means it moved meanwhile, so it is reloaded. */
function useStep(id: number) {
  const queryClient = useQueryClient();
  const { message } = AntdApp.useApp();
  const { t } = useI18n();
  return async (run: () => Promise<DecisionDetail>): Promise<{ ok: true } | { ok: false; error: unknown }> => {
    try {
      const next = await run();
      queryClient.setQueryData(['disclosure', id], next);
      void queryClient.invalidateQueries({ queryKey: ['disclosures'] });
      return { ok: true };
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        message.warning({ content: errorText(e, t('prd.conflict')), duration: 6 });
        void queryClient.invalidateQueries({ queryKey: ['disclosure', id] });
      }
      return { ok: false, error: e };
    }
  };
}

interface ReviewFields {
  reviewer: string;
  unit?: string;
  opinion: string;
  reviewedOn?: Dayjs;
  fileId?: number;
}

/** 登记法制审核: the reviewer, the opinion, the date (not after the decision) and the signed record. */
export function ReviewModal({ decision: d, files, onClose }: { decision: DecisionDetail; files: DecisionDetail['files']; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReviewFields>();
  const step = useStep(d.id);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState(files);

  const submit = async (v: ReviewFields) => {
    setBusy(true);
    setProblem(null);
    const out = await step(() =>
      disclosureApi.review(d.id, { reviewer: v.reviewer.trim(), ...(v.unit?.trim() ? { unit: v.unit.trim() } : {}), opinion: v.opinion.trim(), reviewedOn: v.reviewedOn?.format('YYYY-MM-DD') ?? '', fileId: v.fileId ?? 0 }),
    );
    setBusy(false);
    if (out.ok) {
      message.success(t('dc.reviewDone'));
      onClose();
      return;
    }
    if (isApiError(out.error) && out.error.status === 409) return onClose();
    const { placed, rest } = placeFieldErrors(form, out.error, lang, ['reviewer', 'unit', 'opinion', 'reviewedOn', 'fileId']);
    if (!placed || rest.length > 0) setProblem(rest[0] ?? errorText(out.error, t('error.unexpected')));
  };

  const decided = dayjs(d.decidedOn);
  return (
    <Modal
      open
      title={t('dc.dialog.review')}
      okText={t('dc.action.review')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('dc.reviewIntro', { date: formatDate(d.decidedOn) })}</Typography.Paragraph>
      <Form<ReviewFields> form={form} layout="vertical" onFinish={submit} disabled={busy} initialValues={{ reviewedOn: decided, fileId: uploaded.at(-1)?.id }} preserve={false}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="reviewer" label={t('dc.reviewer')} rules={[{ required: true, whitespace: true, message: t('dc.required', { field: t('dc.reviewer') }) }, { max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="unit" label={t('dc.reviewUnitOptional')} rules={[{ max: 100 }]}>
              <Input maxLength={100} placeholder={t('dc.reviewUnitPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="opinion" label={t('dc.reviewOpinion')} rules={[{ required: true, whitespace: true, message: t('dc.required', { field: t('dc.reviewOpinion') }) }, { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('dc.reviewOpinionPlaceholder')} />
        </Form.Item>
        <Form.Item name="reviewedOn" label={t('dc.reviewedOn')} extra={t('dc.reviewedOnHint', { date: formatDate(d.decidedOn) })} rules={[{ required: true, message: t('dc.required', { field: t('dc.reviewedOn') }) }]}>
          <DatePicker style={{ width: 200 }} disabledDate={(x) => x.isAfter(decided, 'day')} />
        </Form.Item>
        <Form.Item name="fileId" label={t('dc.reviewFile')} rules={[{ required: true, message: t('dc.reviewFileRequired') }]} extra={uploaded.length === 0 ? t('dc.reviewFileFirst') : undefined}>
          <Radio.Group className="xz-dc-file-pick">
            {uploaded.map((f) => (
              <Radio key={f.id} value={f.id}>
                {f.name} <span className="xz-muted xz-small">（{sizeText(f.size)}）</span>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <AttachButton
          label={t('dc.uploadReview')}
          upload={(file, onProgress) => disclosureApi.attach(d.id, 'review', file, onProgress)}
          onDone={(next) => {
            queryClient.setQueryData(['disclosure', d.id], next);
            const mine = next.files.filter((f) => f.category === 'review');
            setUploaded(mine);
            form.setFieldValue('fileId', mine.at(-1)?.id);
          }}
        />
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

/** 预览并公示: the text exactly as it will go out (masked, built by the server), then the confirmation. */
export function PublishModal({ decision: d, onClose }: { decision: DecisionDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntdApp.useApp();
  const step = useStep(d.id);
  const preview = useQuery({ queryKey: ['disclosure-preview', d.id], queryFn: ({ signal }) => disclosureApi.preview(d.id, signal), gcTime: 0 });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const publish = async () => {
    if (!preview.data) return;
    setBusy(true);
    setProblem(null);
    const out = await step(() => disclosureApi.publish(d.id, preview.data.digest));
    setBusy(false);
    if (out.ok) {
      message.success(t('dc.publishDone'));
      onClose();
      return;
    }
    if (isApiError(out.error) && out.error.status === 409) {
      // The record or the date changed since the preview: show the new text for another look.
      void preview.refetch();
      setProblem(errorText(out.error, t('error.unexpected')));
      return;
    }
    setProblem(errorText(out.error, t('error.unexpected')));
  };

  return (
    <Modal
      open
      title={t('dc.dialog.publish')}
      okText={t('dc.publishConfirm')}
      okButtonProps={{ loading: busy, disabled: !preview.data }}
      onOk={publish}
      onCancel={onClose}
      destroyOnHidden
      width={860}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('dc.publishIntro')}</Typography.Paragraph>
      {preview.isError ? (
        <Alert type="error" showIcon title={errorText(preview.error, t('error.unexpected'))} />
      ) : !preview.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          {preview.data.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon className="xz-card" title={w === 'overdue' ? t('dc.warn.overdue', { due: formatDate(d.publishDue) }) : t('dc.warn.noProcessRecord')} />
          ))}
          <div className="xz-dc-preview" aria-label={t('dc.previewLabel')} role="region">
            <PublicRecordView record={preview.data.record} headingLevel={3} />
          </div>
        </>
      )}
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

/** 撤下公示: a decision revoked or to be made anew leaves the public side, with the reason kept. */
export function WithdrawModal({ decision: d, onClose }: { decision: DecisionDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const step = useStep(d.id);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (v: { reason: string }) => {
    setBusy(true);
    setProblem(null);
    const out = await step(() => disclosureApi.withdraw(d.id, v.reason.trim()));
    setBusy(false);
    if (out.ok) {
      message.success(t('dc.withdrawDone'));
      onClose();
      return;
    }
    if (isApiError(out.error) && out.error.status === 409) return onClose();
    const { placed, rest } = placeFieldErrors(form, out.error, lang, ['reason']);
    if (!placed || rest.length > 0) setProblem(rest[0] ?? errorText(out.error, t('error.unexpected')));
  };

  return (
    <Modal
      open
      title={t('dc.dialog.withdraw')}
      okText={t('dc.action.withdraw')}
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('dc.withdrawIntro')}</Typography.Paragraph>
      <Form<{ reason: string }> form={form} layout="vertical" onFinish={submit} disabled={busy} preserve={false}>
        <Form.Item name="reason" label={t('dc.withdrawReason')} rules={[{ required: true, whitespace: true, message: t('dc.required', { field: t('dc.withdrawReason') }) }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('dc.withdrawPlaceholder')} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}
