import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Checkbox, Form, Input, InputNumber, Modal, Slider, Typography, Upload, type UploadFile } from 'antd';
import { errorText, useFormErrorHandler } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { EVIDENCE_ACCEPT, EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES, MAX_FILES } from '../../protection/api';
import { workplanApi, type AssignmentDetail, type ProgressView, type UploadView } from '../plans/api';

interface Values {
  body: string;
  percent: number;
  final?: boolean;
  figures?: Record<string, number | null>;
  milestones?: number[];
  files?: UploadFile<UploadView>[];
}

const extOf = (name: string) => name.split('.').pop()?.toLowerCase() ?? '';

/** The unit's progress report: what was done, how far, the figures of its manual indicators, photos and documents as evidence. */
export function ReportModal({ a, returned, onClose }: { a: AssignmentDetail; returned?: ProgressView; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const qc = useQueryClient();
  const manual = a.indicators.filter((i) => !i.metric);
  const open = a.milestones.filter((m) => !m.doneAt);
  const final = Form.useWatch('final', form);
  const send = useMutation({
    mutationFn: (v: Values) => {
      const files = v.files ?? [];
      if (files.some((f) => f.status === 'uploading')) throw new Error(t('wp.stillUploading'));
      return workplanApi.report(a.id, {
        body: v.body,
        percent: v.final ? 100 : v.percent,
        final: !!v.final,
        figures: Object.fromEntries(Object.entries(v.figures ?? {}).filter(([, x]) => typeof x === 'number') as [string, number][]),
        milestones: v.milestones ?? [],
        files: files.flatMap((f) => (f.status === 'done' && f.response?.uploadToken ? [f.response.uploadToken] : [])),
      });
    },
    onSuccess: (v) => {
      qc.setQueryData(['workplan-assignment', a.id], v);
      void qc.invalidateQueries({ queryKey: ['workplan-assignments'] });
      message.success(t('wp.reportSent'));
      onClose();
    },
    onError,
  });
  const last = a.reports[0];
  const initial: Partial<Values> = {
    percent: last?.percent ?? a.percent,
    body: returned?.body ?? '',
    figures: Object.fromEntries(manual.map((i) => [String(i.id), returned?.figures[String(i.id)] ?? i.actual ?? null])),
  };

  return (
    <Modal open width={680} title={t('wp.reportTitle', { title: a.title })} okText={t('wp.sendReport')} onOk={() => form.submit()} confirmLoading={send.isPending} onCancel={onClose} destroyOnHidden>
      {returned && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('wp.returnedComment')} description={returned.reviewComment} />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => send.mutate(v)}>
        <Form.Item name="body" label={t('wp.reportBody')} rules={[{ required: true, whitespace: true, message: t('wp.reportBodyRequired') }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount placeholder={t('wp.reportBodyPlaceholder')} />
        </Form.Item>
        <Form.Item name="final" valuePropName="checked">
          <Checkbox>{t('wp.finalCheck')}</Checkbox>
        </Form.Item>
        {!final && (
          <Form.Item name="percent" label={t('wp.percentLabel')}>
            <Slider min={0} max={100} step={5} marks={{ 0: '0%', 50: '50%', 100: '100%' }} />
          </Form.Item>
        )}
        {manual.length > 0 && (
          <>
            <Typography.Text strong>{t('wp.figures')}</Typography.Text>
            {manual.map((i) => (
              <Form.Item key={i.id} name={['figures', String(i.id)]} label={`${i.name}（${t('wp.targetIs', { n: i.target, unit: i.unit })}）`}>
                <InputNumber min={0} addonAfter={i.unit} style={{ width: 220 }} />
              </Form.Item>
            ))}
          </>
        )}
        {open.length > 0 && (
          <Form.Item name="milestones" label={t('wp.milestonesReached')}>
            <Checkbox.Group options={open.map((m) => ({ value: m.id, label: `${m.title}（${m.dueDate}）` }))} />
          </Form.Item>
        )}
        <Form.Item name="files" label={t('wp.evidenceFiles')} valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList} extra={t('wp.evidenceHint')}>
          <Upload.Dragger<UploadView>
            multiple
            accept={EVIDENCE_ACCEPT}
            maxCount={MAX_FILES}
            listType="picture"
            beforeUpload={(file) => {
              if (!(EVIDENCE_EXTENSIONS as readonly string[]).includes(extOf(file.name))) {
                message.error(t('pub.fileKindRefused', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              if (file.size > EVIDENCE_MAX_BYTES) {
                message.error(t('pub.fileTooLarge', { name: file.name, mb: EVIDENCE_MAX_BYTES / 1024 / 1024 }));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onProgress, onSuccess, onError: fail }) => {
              workplanApi
                .upload(file as File, (percent) => onProgress?.({ percent }))
                .then((view) => onSuccess?.(view))
                .catch((e: unknown) => {
                  const text = errorText(e, t('error.unexpected'));
                  message.error(`${(file as File).name}：${text}`);
                  fail?.(new Error(text));
                });
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('pub.filesDrop')}</p>
          </Upload.Dragger>
        </Form.Item>
      </Form>
    </Modal>
  );
}
