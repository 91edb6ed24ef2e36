import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App as AntdApp, Button, Empty, Table, Tooltip, Upload } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, type FileView } from './api';
import { shortHash } from './hash';

export function sizeText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A record's files: download links (served as attachments), size, SHA-256, who added them and when. */
export function FileTable({ files, urlOf, anonymousLabel, emptyText }: { files: readonly FileView[]; urlOf: (fileId: number) => string; anonymousLabel?: string; emptyText?: string }) {
  const { t } = useI18n();
  if (files.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('prd.noFiles')} />;
  return (
    <Table<FileView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...files]}
      scroll={{ x: 680 }}
      columns={[
        {
          title: t('prd.fileName'),
          dataIndex: 'name',
          render: (name: string, f) => (
            <a href={urlOf(f.id)} download={name} className="xz-break">
              <DownloadOutlined aria-hidden /> {name}
            </a>
          ),
        },
        { title: t('prd.fileSize'), dataIndex: 'size', width: 90, align: 'right', render: (n: number) => <span className="xz-num">{sizeText(n)}</span> },
        {
          title: 'SHA-256',
          dataIndex: 'sha256',
          width: 140,
          render: (h: string) => (
            <Tooltip title={<span className="xz-mono xz-break">{h}</span>}>
              <code className="xz-mono" tabIndex={0}>
                {shortHash(h)}
              </code>
            </Tooltip>
          ),
        },
        { title: t('prd.uploadedBy'), dataIndex: 'uploadedBy', width: 110, render: (v: string | null) => (v === null || v === 'anonymous' ? (anonymousLabel ?? '—') : v) },
        { title: t('prd.uploadedAt'), dataIndex: 'uploadedAt', width: 150, render: (v: string) => <span className="xz-num">{formatDateTime(v)}</span> },
      ]}
    />
  );
}

/** Adds one file to a record, with its progress on the button; the record comes back with the file in its chain. */
export function AttachButton<T>({ upload, onDone, label }: { upload: (file: File, onProgress: (percent: number) => void) => Promise<T>; onDone: (result: T) => void; label?: string }) {
  const { t } = useI18n();
  const { message } = AntdApp.useApp();
  const report = useReportError();
  const [percent, setPercent] = useState<number | null>(null);
  return (
    <Upload
      accept={EVIDENCE_ACCEPT}
      showUploadList={false}
      beforeUpload={(file) => {
        if (file.size > EVIDENCE_MAX_BYTES) {
          message.error(t('pub.fileTooLarge', { name: file.name, mb: EVIDENCE_MAX_BYTES / 1024 / 1024 }));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file }) => {
        setPercent(0);
        upload(file as File, setPercent)
          .then((result) => {
            onDone(result);
            message.success(t('prd.attached', { name: (file as File).name }));
          })
          .catch(report)
          .finally(() => setPercent(null));
      }}
    >
      <Button size="small" icon={<PaperClipOutlined />} loading={percent !== null}>
        {percent !== null ? `${label ?? t('prd.attach')} ${percent}%` : (label ?? t('prd.attach'))}
      </Button>
    </Upload>
  );
}
