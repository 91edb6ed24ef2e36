import { ArrowLeftOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ImportAnalysis, ImportColumn, MatchConfidence } from '../../../app/api-types';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { codeLabel } from '../../../app/labels';
import { useCompact } from '../../../app/ui/responsive';
import { importKindName } from './jobText';

const CONFIDENCE_COLOR: Record<MatchConfidence | 'manual', string> = { exact: 'green', alias: 'blue', fuzzy: 'orange', profile: 'purple', none: 'default', manual: 'gold' };

/** Spreadsheet column letters: 0 → A, 26 → AA. */
function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const sizeText = (bytes: number) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export interface StartRequest {
  mapping: Array<string | null>;
  saveProfileAs?: string;
}

/**
 * Step 2: how each column of the file fills the register. The server's guess comes first (with how
 * sure it is); the officer corrects it. Required fields left unmapped block the start.
 */
export function MappingStep({ analysis, busy, onBack, onStart }: { analysis: ImportAnalysis; busy: boolean; onBack: () => void; onStart: (r: StartRequest) => void }) {
  const { t, lang } = useI18n();
  const compact = useCompact();
  const [mapping, setMapping] = useState<Array<string | null>>(() => analysis.columns.map((c) => c.field));
  const [profileName, setProfileName] = useState('');
  const fieldLabel = useMemo(() => new Map(analysis.fields.map((f) => [f.key, lang === 'zh' ? f.zh : f.en])), [analysis.fields, lang]);
  const label = (key: string) => (key === '*' ? t('import.wholeRow') : (fieldLabel.get(key) ?? key));
  const used = new Set(mapping.filter((m): m is string => !!m));
  const missing = analysis.fields.filter((f) => f.required && !used.has(f.key));
  const sep = lang === 'zh' ? '、' : ', ';

  const samples = (c: ImportColumn) => {
    if (!c.field) return [];
    return analysis.preview.map((r) => r.values[c.field as string]).filter((v): v is string => !!v && v.trim() !== '').slice(0, 3);
  };
  const problems = analysis.preview.flatMap((r) => r.problems.map((p) => ({ ...p, rowNo: r.rowNo })));

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'file', label: t('import.fileName'), children: <span className="xz-break">{analysis.fileName}</span> },
            { key: 'kind', label: t('import.kind'), children: importKindName(t, analysis.kind) },
            {
              key: 'format',
              label: t('import.format'),
              children: `${analysis.format.toUpperCase()}${analysis.encoding ? ` · ${analysis.encoding.toUpperCase()}` : ''} · ${sizeText(analysis.bytes)}`,
            },
            { key: 'header', label: t('import.headerRow'), children: analysis.format === 'json' || analysis.format === 'jsonl' ? t('import.headerJson') : t('import.headerRowN', { n: analysis.headerRowNo }) },
          ]}
        />
        {analysis.profile && <Typography.Text type="secondary">{t('import.profileUsed', { name: analysis.profile })}</Typography.Text>}
      </Card>

      <Card title={t('import.mappingTitle')} extra={<Typography.Text type="secondary">{t('import.mappingCount', { n: analysis.columns.length, m: used.size })}</Typography.Text>}>
        <Typography.Paragraph type="secondary">{t('import.mappingHint')}</Typography.Paragraph>
        <Table<ImportColumn>
          rowKey="index"
          size="small"
          pagination={false}
          dataSource={analysis.columns}
          scroll={{ x: 820 }}
          rowClassName={(c) => (mapping[c.index] ? '' : 'xz-row-disabled')}
          columns={[
            { title: t('import.column'), key: 'col', width: 56, render: (_: unknown, c) => <span className="xz-mono">{columnLetter(c.index)}</span> },
            { title: t('import.header'), dataIndex: 'header', width: 170, fixed: compact ? undefined : 'left', render: (h: string) => <strong className="xz-break">{h || t('import.noHeader')}</strong> },
            {
              title: t('import.target'),
              key: 'target',
              width: 230,
              render: (_: unknown, c) => (
                <Select<string>
                  value={mapping[c.index] ?? ''}
                  aria-label={t('import.targetFor', { header: c.header || columnLetter(c.index) })}
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: '100%' }}
                  onChange={(v) => setMapping((m) => m.map((x, i) => (i === c.index ? v || null : x)))}
                  options={[
                    { value: '', label: t('import.ignore') },
                    ...analysis.fields.map((f) => ({
                      value: f.key,
                      label: `${lang === 'zh' ? f.zh : f.en}${f.required ? ' *' : ''}`,
                      disabled: used.has(f.key) && mapping[c.index] !== f.key,
                    })),
                  ]}
                />
              ),
            },
            {
              title: t('import.confidence'),
              key: 'confidence',
              width: 96,
              render: (_: unknown, c) => {
                const changed = (mapping[c.index] ?? null) !== c.field;
                const k = changed ? 'manual' : c.confidence;
                return <Tag color={CONFIDENCE_COLOR[k]}>{codeLabel(t, 'confidence', k)}</Tag>;
              },
            },
            {
              title: t('import.samples'),
              key: 'samples',
              render: (_: unknown, c) => {
                const s = samples(c);
                return s.length ? (
                  <Typography.Text className="xz-samples" ellipsis={{ tooltip: s.join(' | ') }}>
                    {s.join(' | ')}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{c.field ? t('import.noSamples') : t('import.noSamplesUnmapped')}</Typography.Text>
                );
              },
            },
          ]}
        />
        <p className="xz-footnote">{t('import.requiredMark')}</p>
      </Card>

      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('import.previewProblems', { n: analysis.preview.length })}
          description={
            <ul className="xz-problem-list">
              {problems.slice(0, 12).map((p, i) => (
                <li key={i}>
                  {t('import.problemLine', { row: p.rowNo, field: label(p.field), value: p.value || '—', reason: lang === 'zh' ? p.reason.zh : p.reason.en })}
                </li>
              ))}
            </ul>
          }
        />
      )}

      <Card>
        <Flex vertical gap={12}>
          {missing.length > 0 ? (
            <Alert type="error" showIcon title={t('import.missingRequired', { fields: missing.map((f) => (lang === 'zh' ? f.zh : f.en)).join(sep) })} />
          ) : (
            <Alert type="success" showIcon title={t('import.readyToStart', { n: used.size })} />
          )}
          <Flex vertical gap={4} style={{ maxWidth: 420 }}>
            <label htmlFor="import-save-profile">{t('import.saveProfile')}</label>
            <Input id="import-save-profile" value={profileName} onChange={(e) => setProfileName(e.target.value)} maxLength={60} placeholder={t('import.saveProfilePlaceholder')} />
          </Flex>
          <Flex gap={8} wrap="wrap" justify="space-between">
            <Button icon={<ArrowLeftOutlined />} onClick={onBack} disabled={busy}>
              {t('import.chooseAnother')}
            </Button>
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              disabled={missing.length > 0}
              loading={busy}
              onClick={() => onStart({ mapping, saveProfileAs: profileName.trim() || undefined })}
            >
              {t('import.start')}
            </Button>
          </Flex>
          {missing.length > 0 && <Typography.Text type="danger">{t('import.startBlocked')}</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('import.rowsNote', { n: formatNumber(analysis.preview.length) })}
          </Typography.Text>
        </Flex>
      </Card>
    </Flex>
  );
}
