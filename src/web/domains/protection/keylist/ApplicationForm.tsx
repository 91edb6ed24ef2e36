import { SendOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Col, Flex, Form, Input, Row, Segmented, Table, Typography } from 'antd';
import { useMemo, useState, type Key } from 'react';
import { errorText } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { inLanguage, mobileRule, placeFieldErrors } from '../forms';
import type { ApplicationBody, ApplicationView, MineView, RightView } from './api';
import { useCompact } from '../../../app/ui/responsive';
import { rightIsLive, rightTypeName } from './labels';
import { rightColumns } from './rightColumns';

interface Fields {
  rights: string[];
  industry: string;
  reasons: string;
  contactName: string;
  contactPhone: string;
}

const KNOWN = ['rights', 'industry', 'reasons', 'contactName', 'contactPhone'];

/** The industries of Xinyang a firm most often names; any other may be typed. */
const INDUSTRIES = ['茶产业', '非金属矿及新材料', '医药', '食品加工', '纺织服装', '电子信息', '装备制造', '现代农业', '文化旅游'];

const keyOf = (r: Pick<RightView, 'type' | 'id'>) => `${r.type}:${r.id}`;

/**
 * The application: the rights to protect, picked from those the register holds for the firm, why,
 * the industry, and a contact. Also the form for correcting a returned application.
 */
export function ApplicationForm({
  mine,
  returned,
  onSubmit,
  onCancel,
}: {
  mine: MineView;
  /** The returned application being corrected, if any: its answers are filled in. */
  returned?: ApplicationView;
  onSubmit: (body: ApplicationBody) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  // The register's rights, plus any right of the returned application the register no longer lists for the firm.
  // Rights in force first (those worth protecting), the newest first within each group.
  const candidates = useMemo(() => {
    const list = [...mine.candidates];
    for (const r of returned?.rights ?? []) if (!list.some((c) => keyOf(c) === keyOf(r))) list.push(r);
    const rank = (r: RightView) => (rightIsLive(r) ? 0 : 1);
    return list.sort((a, b) => rank(a) - rank(b) || (a.type === b.type ? 0 : a.type === 'patent' ? -1 : 1) || b.number.localeCompare(a.number));
  }, [mine.candidates, returned]);
  const [kind, setKind] = useState<'all' | RightView['type']>('all');
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return candidates.filter((c) => (kind === 'all' || c.type === kind) && (!f || c.number.toLowerCase().includes(f) || c.title.toLowerCase().includes(f)));
  }, [candidates, filter, kind]);
  const patents = candidates.filter((c) => c.type === 'patent').length;
  const selected = Form.useWatch('rights', form) ?? [];

  const initial: Partial<Fields> = returned
    ? { rights: returned.rights.map(keyOf), industry: returned.industry, reasons: returned.reasons }
    : { rights: [] };

  const submit = async (v: Fields) => {
    setBusy(true);
    setProblem(null);
    const rights = v.rights.map((k) => {
      const [type, id] = k.split(':');
      return { type: type as RightView['type'], id: Number(id) };
    });
    try {
      await onSubmit({ industry: v.industry.trim(), reasons: v.reasons.trim(), contactName: v.contactName.trim(), contactPhone: v.contactPhone.trim(), rights });
    } catch (e) {
      const { placed, rest } = placeFieldErrors(form, e, lang, KNOWN);
      // A right the server refuses is named by its key ("patent:12"): say instead what is wrong with it.
      if (form.getFieldError('rights').some((m) => /^(patent|trademark):\d+$/.test(m))) form.setFields([{ name: 'rights', errors: [inLanguage(errorText(e, t('error.unexpected')), lang)] }]);
      if (!placed || rest.length > 0) setProblem(rest[0] ?? errorText(e, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      onFinishFailed={() => setProblem(t('pub.fixFields'))}
      disabled={busy}
      className="xz-kl-form"
      scrollToFirstError
    >
      <Typography.Title level={2} className="xz-kl-h2">
        {t('kl.form.rights')}
      </Typography.Title>
      {candidates.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('kl.form.noCandidates')}
          description={mine.organisation.uscc ? t('kl.form.noCandidatesText', { uscc: mine.organisation.uscc }) : t('kl.form.noUsccText')}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('kl.form.rightsIntro', { n: candidates.length, uscc: mine.organisation.uscc ?? '—' })}</Typography.Paragraph>
          {candidates.length > 10 && (
            <Flex gap={12} wrap="wrap" align="center" style={{ marginBottom: 8 }}>
              <Segmented<'all' | RightView['type']>
                value={kind}
                onChange={setKind}
                options={[
                  { value: 'all', label: t('kl.form.kindAll', { n: candidates.length }) },
                  { value: 'patent', label: t('kl.nPatents', { n: patents }) },
                  { value: 'trademark', label: t('kl.nMarks', { n: candidates.length - patents }) },
                ]}
              />
              <Input.Search allowClear placeholder={t('kl.form.rightsFilter')} onSearch={setFilter} onChange={(e) => !e.target.value && setFilter('')} style={{ maxWidth: 280 }} aria-label={t('kl.form.rightsFilter')} />
            </Flex>
          )}
          <Form.Item
            name="rights"
            valuePropName="selectedRowKeys"
            trigger="onChange"
            rules={[{ validator: async (_r, v: string[] | undefined) => {
                if (!v || v.length === 0) throw new Error(t('kl.form.rightsRequired'));
                if (v.length > 50) throw new Error(t('kl.form.rightsTooMany'));
              } }]}
            getValueFromEvent={(keys: Key[]) => keys.map(String)}
            className="xz-kl-rights-item"
          >
            <RightsPicker rights={shown} />
          </Form.Item>
          <Typography.Text type="secondary" className="xz-small" aria-live="polite">
            {t('kl.form.rightsChosen', { n: selected.length })}
          </Typography.Text>
        </>
      )}

      <Typography.Title level={2} className="xz-kl-h2">
        {t('kl.form.about')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="industry" label={t('kl.industry')} extra={t('kl.form.industryHint')} rules={[{ required: true, whitespace: true, message: t('kl.form.industryRequired') }, { max: 50 }]}>
            <AutoComplete options={INDUSTRIES.map((v) => ({ value: v }))} maxLength={50} filterOption={(input, o) => (o?.value ?? '').includes(input)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reasons" label={t('kl.reasons')} extra={t('kl.form.reasonsHint')} rules={[{ required: true, whitespace: true, message: t('kl.form.reasonsRequired') }, { max: 2000 }]}>
        <Input.TextArea rows={6} maxLength={2000} showCount />
      </Form.Item>

      <Typography.Title level={2} className="xz-kl-h2">
        {t('kl.form.contact')}
      </Typography.Title>
      {returned && <Typography.Paragraph type="secondary">{t('kl.form.contactAgain')}</Typography.Paragraph>}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="contactName" label={t('kl.contactName')} rules={[{ required: true, whitespace: true, message: t('kl.form.contactNameRequired') }, { max: 50 }]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="contactPhone" label={t('kl.contactPhone')} required rules={[mobileRule(t, lang, true)]}>
            <Input maxLength={20} inputMode="tel" autoComplete="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" className="xz-small">
        {t('kl.form.privacy')}
      </Typography.Paragraph>

      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} />}
      <Flex gap={8} wrap="wrap">
        <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={busy} disabled={candidates.length === 0}>
          {returned ? t('kl.form.resubmit') : t('kl.form.submit')}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
        )}
      </Flex>
    </Form>
  );
}

/** The firm's rights with a checkbox each; the chosen ones stay chosen while the list is filtered. */
function RightsPicker({ rights, selectedRowKeys, onChange }: { rights: RightView[]; selectedRowKeys?: string[]; onChange?: (keys: Key[]) => void }) {
  const { t } = useI18n();
  const compact = useCompact();
  return (
    <Table<RightView>
      rowKey={keyOf}
      size="small"
      dataSource={rights}
      pagination={rights.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      rowSelection={{
        selectedRowKeys: selectedRowKeys ?? [],
        preserveSelectedRowKeys: true,
        onChange: (keys) => onChange?.(keys),
        getCheckboxProps: (r) => ({ 'aria-label': `${rightTypeName(t, r.type)} ${r.number} ${r.title}` }),
      }}
      onRow={(r) => ({
        onClick: (e) => {
          if ((e.target as HTMLElement).closest('input, a, button, label')) return;
          const k = keyOf(r);
          const now = selectedRowKeys ?? [];
          onChange?.(now.includes(k) ? now.filter((x) => x !== k) : [...now, k]);
        },
        className: 'xz-kl-pick-row',
      })}
      columns={rightColumns(t, compact, (r) => <span className="xz-mono">{r.number}</span>)}
    />
  );
}
