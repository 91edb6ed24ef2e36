import { InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App as AntdApp, Card, Form, Radio, Select, Space, Spin, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportAnalysis, ImportKind } from '../../../app/api-types';
import { importsApi } from '../../../app/endpoints';
import { useReportError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { IMPORT_KINDS, importKindName } from './jobText';

const ACCEPT = '.csv,.txt,.tsv,.xlsx,.json,.jsonl';

/** Step 1: what kind of data, an optional saved mapping, and the file. Nothing is imported yet. */
export function UploadStep({ kind, onKind, onAnalysed }: { kind: ImportKind; onKind: (k: ImportKind) => void; onAnalysed: (a: ImportAnalysis) => void }) {
  const { t, lang } = useI18n();
  // The server's limit (XINZHI_IMPORT_MAX_MB): refuse a larger file before uploading it.
  const MAX_MB = useSession().meta.importMaxMB;
  const { message } = AntdApp.useApp();
  const report = useReportError();
  const [profile, setProfile] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  const profiles = useQuery({ queryKey: ['import-profiles', kind], queryFn: () => importsApi.profiles(kind) });
  const fields = useQuery({ queryKey: ['import-fields', kind], queryFn: () => importsApi.fields(kind), staleTime: Infinity });
  const required = (fields.data ?? []).filter((f) => f.required);

  const upload = async (file: File) => {
    if (file.size > MAX_MB * 1024 * 1024) {
      message.error(t('import.tooLarge', { name: file.name, mb: MAX_MB }));
      return;
    }
    if (file.size === 0) {
      message.error(t('import.emptyFile', { name: file.name }));
      return;
    }
    setBusy(file.name);
    try {
      onAnalysed(await importsApi.upload(kind, file, profile));
    } catch (e) {
      report(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card className="xz-card">
      <Form layout="vertical" disabled={busy !== null}>
        <Form.Item label={t('import.kind')}>
          <Radio.Group
            value={kind}
            onChange={(e) => {
              onKind(e.target.value as ImportKind);
              setProfile(undefined);
            }}
            optionType="button"
            buttonStyle="solid"
            options={IMPORT_KINDS.map((k) => ({ value: k, label: importKindName(t, k) }))}
            className="xz-kind-radio"
            aria-label={t('import.kind')}
          />
        </Form.Item>
        {required.length > 0 && (
          <Typography.Paragraph type="secondary" className="xz-required-hint">
            {t('import.requiredHint')}
            <Space size={[4, 4]} wrap style={{ marginInlineStart: 4 }}>
              {required.map((f) => (
                <Tag key={f.key}>{lang === 'zh' ? f.zh : f.en}</Tag>
              ))}
            </Space>
          </Typography.Paragraph>
        )}
        <Form.Item label={t('import.profile')} htmlFor="import-profile" extra={t('import.profileHint')}>
          <Select
            id="import-profile"
            allowClear
            value={profile}
            onChange={setProfile}
            loading={profiles.isLoading}
            placeholder={t('import.profileNone')}
            notFoundContent={t('import.noProfiles')}
            options={(profiles.data ?? []).map((p) => ({ value: p.name, label: t('import.profileOption', { name: p.name, time: formatDateTime(p.updatedAt) }) }))}
            style={{ maxWidth: 420 }}
          />
        </Form.Item>
        <Form.Item label={t('import.file')}>
          <Spin spinning={busy !== null} description={busy ? t('import.analysing', { name: busy }) : undefined}>
            <Upload.Dragger
              accept={ACCEPT}
              multiple={false}
              showUploadList={false}
              disabled={busy !== null}
              beforeUpload={(file) => {
                void upload(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text">{t('import.dropText')}</p>
              <p className="ant-upload-hint">{t('import.dropHint', { mb: MAX_MB })}</p>
            </Upload.Dragger>
          </Spin>
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t('import.safeHint')} />
    </Card>
  );
}
