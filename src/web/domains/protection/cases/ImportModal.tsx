import { CheckCircleOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Flex, Modal, Progress, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { inLanguage } from '../forms';
import { casesApi, CASES_KEY, IMPORT_ACCEPT, TEMPLATE_URL, type ImportResult } from './api';

interface RowProblem {
  key: number;
  row: number | null;
  field: string;
  message: string;
}

type State =
  | { step: 'choose' }
  | { step: 'uploading'; name: string; percent: number }
  | { step: 'done'; name: string; result: ImportResult }
  | { step: 'refused'; name: string; message: string; rows: RowProblem[] };

/** The per-row problems of a refused file, from error.details [{row, field, message}]. */
function rowProblems(err: unknown, lang: 'zh' | 'en'): RowProblem[] {
  if (!isApiError(err) || !Array.isArray(err.details)) return [];
  return (err.details as unknown[]).flatMap((d, i) => {
    if (!d || typeof d !== 'object') return [];
    const { row, field, message } = d as { row?: unknown; field?: unknown; message?: unknown };
    if (typeof message !== 'string') return [];
    return [{ key: i, row: typeof row === 'number' ? row : null, field: typeof field === 'string' ? field : '', message: inLanguage(message, lang) }];
  });
}

/**
 * 批量导入: a CSV or XLSX file in the template's layout. Every row is checked first; if any is wrong
 * nothing is stored and each wrong row and column is listed, so the file can be corrected and sent again.
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>({ step: 'choose' });

  const upload = (file: File) => {
    setState({ step: 'uploading', name: file.name, percent: 0 });
    casesApi
      .import(file, (percent) => setState((s) => (s.step === 'uploading' ? { ...s, percent } : s)))
      .then((result) => {
        setState({ step: 'done', name: file.name, result });
        void queryClient.invalidateQueries({ queryKey: CASES_KEY });
      })
      .catch((e: unknown) => setState({ step: 'refused', name: file.name, message: inLanguage(errorText(e, t('error.unexpected')), lang), rows: rowProblems(e, lang) }));
  };

  const chooser = (
    <Upload.Dragger
      accept={IMPORT_ACCEPT}
      multiple={false}
      showUploadList={false}
      beforeUpload={(file) => {
        upload(file);
        return Upload.LIST_IGNORE;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined aria-hidden />
      </p>
      <p className="ant-upload-text">{state.step === 'refused' ? t('cs.import.dropAgain') : t('cs.import.drop')}</p>
      <p className="ant-upload-hint">{t('cs.import.dropHint')}</p>
    </Upload.Dragger>
  );

  return (
    <Modal
      open
      title={t('cs.import.title')}
      width={760}
      onCancel={onClose}
      mask={{ closable: state.step !== 'uploading' }}
      closable={state.step !== 'uploading'}
      destroyOnHidden
      footer={
        <Flex justify="space-between" gap={8} wrap="wrap">
          <Button icon={<DownloadOutlined />} href={TEMPLATE_URL} download>
            {t('cs.import.template')}
          </Button>
          <Button type={state.step === 'done' ? 'primary' : 'default'} onClick={onClose} disabled={state.step === 'uploading'}>
            {state.step === 'done' ? t('common.done') : t('common.cancel')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        {state.step === 'choose' && (
          <>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('cs.import.intro')}
            </Typography.Paragraph>
            {chooser}
          </>
        )}
        {state.step === 'uploading' && (
          <div role="status" aria-live="polite">
            <Typography.Paragraph>{t('cs.import.uploading', { name: state.name })}</Typography.Paragraph>
            <Progress percent={state.percent} status="active" />
            {state.percent >= 99 && <Typography.Text type="secondary">{t('cs.import.checking')}</Typography.Text>}
          </div>
        )}
        {state.step === 'done' && <Done name={state.name} result={state.result} onAgain={() => setState({ step: 'choose' })} />}
        {state.step === 'refused' && (
          <>
            <Alert type="error" showIcon title={t('cs.import.refused', { name: state.name })} description={state.message} role="alert" />
            {state.rows.length > 0 && (
              <Table<RowProblem>
                rowKey="key"
                size="small"
                className="xz-cs-import-errors"
                dataSource={state.rows}
                pagination={state.rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
                columns={[
                  { title: t('cs.import.row'), dataIndex: 'row', width: 80, render: (r: number | null) => (r === null ? '—' : <span className="xz-num">{t('cs.import.rowN', { n: r })}</span>) },
                  { title: t('cs.import.column'), dataIndex: 'field', width: 120, render: (f: string) => (f ? <Tag>{f}</Tag> : '—') },
                  { title: t('cs.import.problem'), dataIndex: 'message', render: (m: string) => <span className="xz-break">{m}</span> },
                ]}
              />
            )}
            {chooser}
          </>
        )}
      </Flex>
    </Modal>
  );
}

function Done({ name, result, onAgain }: { name: string; result: ImportResult; onAgain: () => void }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={12} role="status">
      <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('cs.import.done', { name })} />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 3 }}
        items={[
          { key: 'rows', label: t('cs.import.rows'), children: <span className="xz-num">{result.rows}</span> },
          { key: 'created', label: t('cs.import.created'), children: <span className="xz-num">{result.created}</span> },
          { key: 'updated', label: t('cs.import.updated'), children: <span className="xz-num">{result.updated}</span> },
        ]}
      />
      {result.sameNumberElsewhere.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('cs.import.elsewhere', { n: result.sameNumberElsewhere.length })}
          description={
            <Flex gap={4} wrap="wrap">
              {result.sameNumberElsewhere.map((no) => (
                <Tag key={no} className="xz-mono">
                  {no}
                </Tag>
              ))}
            </Flex>
          }
        />
      )}
      <div>
        <Button onClick={onAgain}>{t('cs.import.another')}</Button>
      </div>
    </Flex>
  );
}
