import { InboxOutlined } from '@ant-design/icons';
import { App as AntdApp, Upload, type UploadFile } from 'antd';
import { errorText } from '../../../app/errors';
import { useT } from '../../../app/i18n';
import { publicApi, EVIDENCE_ACCEPT, EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES, MAX_FILES, type UploadView } from '../api';

export type EvidenceFile = UploadFile<UploadView>;

const extOf = (name: string) => name.split('.').pop()?.toLowerCase() ?? '';

/** The upload tokens of the files that arrived; the form sends these. */
export const uploadTokens = (files: readonly EvidenceFile[] | undefined) =>
  (files ?? []).flatMap((f) => (f.status === 'done' && f.response?.uploadToken ? [f.response.uploadToken] : []));

export const uploading = (files: readonly EvidenceFile[] | undefined) => (files ?? []).some((f) => f.status === 'uploading');

/**
 * Evidence files of a public form: each goes to the server as soon as it is chosen (with its own
 * progress bar), checked here for kind and size first, and again by the server by its content.
 */
export function EvidenceUpload({ value, onChange, id }: { value?: EvidenceFile[]; onChange?: (files: EvidenceFile[]) => void; id?: string }) {
  const t = useT();
  const { message } = AntdApp.useApp();
  const files = value ?? [];

  return (
    <Upload.Dragger<UploadView>
      id={id}
      multiple
      accept={EVIDENCE_ACCEPT}
      fileList={files}
      maxCount={MAX_FILES}
      onChange={({ fileList }) => onChange?.(fileList)}
      beforeUpload={(file, batch) => {
        if (!(EVIDENCE_EXTENSIONS as readonly string[]).includes(extOf(file.name))) {
          message.error(t('pub.fileKindRefused', { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        if (file.size > EVIDENCE_MAX_BYTES) {
          message.error(t('pub.fileTooLarge', { name: file.name, mb: EVIDENCE_MAX_BYTES / 1024 / 1024 }));
          return Upload.LIST_IGNORE;
        }
        if (files.length + batch.indexOf(file) >= MAX_FILES) {
          message.warning(t('pub.tooManyFiles', { n: MAX_FILES }));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onProgress, onSuccess, onError }) => {
        const ac = new AbortController();
        publicApi
          .upload(file as File, (percent) => onProgress?.({ percent }), ac.signal)
          .then((view) => onSuccess?.(view))
          .catch((e: unknown) => {
            const text = errorText(e, t('error.unexpected'));
            message.error(`${(file as File).name}：${text}`);
            onError?.(new Error(text));
          });
        return { abort: () => ac.abort() };
      }}
      showUploadList={{ showRemoveIcon: true, showPreviewIcon: false, showDownloadIcon: false }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined aria-hidden />
      </p>
      <p className="ant-upload-text">{t('pub.filesDrop')}</p>
      <p className="ant-upload-hint">{t('pub.filesHint', { n: MAX_FILES, mb: EVIDENCE_MAX_BYTES / 1024 / 1024 })}</p>
    </Upload.Dragger>
  );
}
