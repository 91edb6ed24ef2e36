import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, List, Row, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import type { CreditKind } from '../../../../shared/protection/credit';
import { errorText } from '../../../app/errors';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useListParams } from '../../../app/useListParams';
import { publicCreditApi, type PublicRecord } from '../credit/api';
import { categoryName, severityName, subjectKindName } from '../credit/labels';
import { areaText } from '../keylist/labels';
import { PublicTitle } from './PublicTitle';

const PAGE_SIZE = 20;

/** 知识产权信用信息公示: 守信 and 失信 records being published now, searchable by name or credit code; anyone may look. */
export default function CreditPage() {
  const { t } = useI18n();
  const { page, filters, setFilters: set, setPage } = useListParams(['kind', 'q'], PAGE_SIZE);
  const kind: CreditKind = filters.kind === 'trust' ? 'trust' : 'distrust';
  const q = filters.q;
  const list = useQuery({ queryKey: ['public-credit', { kind, q, page }], queryFn: ({ signal }) => publicCreditApi.list({ kind, q, page, pageSize: PAGE_SIZE }, signal), placeholderData: (prev) => prev });

  useEffect(() => {
    document.title = `${t('pub.creditTitle')} · ${t('app.name')}`;
  }, [t]);

  const results = list.isError ? (
    <Alert type="error" showIcon title={t('error.loadFailed')} description={errorText(list.error, t('error.unexpected'))} />
  ) : !list.data ? (
    <Skeleton active paragraph={{ rows: 6 }} />
  ) : (
    <>
      <Flex justify="space-between" align="center" wrap="wrap" gap={8} style={{ marginBottom: 8 }}>
        <h2 className="xz-public-h2">{t(kind === 'trust' ? 'pub.creditCountTrust' : 'pub.creditCountDistrust', { n: list.data.total })}</h2>
        {q && (
          <Button size="small" type="link" onClick={() => set({ q: undefined })}>
            {t('pub.keyListShowAll')}
          </Button>
        )}
      </Flex>
      {list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q ? t('pub.creditEmptyFiltered') : t('pub.creditEmpty')} />
      ) : (
        <List<PublicRecord>
          itemLayout="vertical"
          dataSource={list.data.items}
          renderItem={(r) => <Entry record={r} />}
          className="xz-cr-public-list"
          pagination={list.data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: list.data.total, onChange: (p) => setPage(p, PAGE_SIZE), showSizeChanger: false } : false}
        />
      )}
    </>
  );

  return (
    <>
      <PublicTitle title={t('pub.creditTitle')} intro={t('pub.creditIntro')} />
      <Card className="xz-public-card">
        <Form layout="vertical" role="search" aria-label={t('common.filters')} onFinish={(v: { q?: string }) => set({ q: v.q?.trim() || undefined })} initialValues={{ q }} key={q ?? ''}>
          <Row gutter={12} align="bottom">
            <Col xs={24} md={18}>
              <Form.Item name="q" label={t('pub.creditSearch')} style={{ marginBottom: 12 }}>
                <Input allowClear placeholder={t('pub.creditSearchPlaceholder')} maxLength={100} onChange={(e) => !e.target.value && q && set({ q: undefined })} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item style={{ marginBottom: 12 }}>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />} block>
                  {t('pub.keyListSearchButton')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card className="xz-public-card">
        <Tabs
          activeKey={kind}
          onChange={(k) => set({ kind: k })}
          items={[
            { key: 'distrust', label: t('pub.creditTabDistrust'), children: kind === 'distrust' ? results : null },
            { key: 'trust', label: t('pub.creditTabTrust'), children: kind === 'trust' ? results : null },
          ]}
        />
      </Card>
      <Alert type="info" showIcon className="xz-public-note" title={t('pub.creditNoteTitle')} description={t('pub.creditNote')} />
    </>
  );
}

function Entry({ record: r }: { record: PublicRecord }) {
  const { t, lang } = useI18n();
  return (
    <List.Item className="xz-cr-entry">
      <Flex vertical gap={8}>
        <Flex gap={8} align="center" wrap="wrap">
          <Typography.Title level={3} className="xz-kl-entry-name">
            {r.subjectName}
          </Typography.Title>
          <Tag color={r.kind === 'trust' ? 'green' : 'red'}>{categoryName(t, r.category)}</Tag>
          {r.severity === 'serious' && <Tag color="volcano">{severityName(t, r.severity)}</Tag>}
          <Tag color="blue">{areaText(lang, r.areaCode, r.areaName)}</Tag>
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'uscc', label: t('cr.uscc'), children: <span className="xz-mono">{r.subjectUscc}</span> },
            { key: 'kind', label: t('cr.subjectKind'), children: subjectKindName(t, r.subjectKind) },
            { key: 'no', label: t('cr.decisionNo'), children: r.decisionNo },
            { key: 'org', label: t('cr.decisionOrg'), children: r.decisionOrg },
            { key: 'basis', label: t('cr.legalBasis'), children: r.legalBasis, span: 2 },
            { key: 'facts', label: t('cr.facts'), children: <div className="xz-pre">{r.facts}</div>, span: 2 },
          ]}
        />
        <Typography.Text type="secondary" className="xz-small xz-num">
          {r.endsOn ? t('pub.creditPeriod', { start: formatDate(r.startsOn), end: formatDate(r.endsOn) }) : t('pub.creditPeriodOpen', { start: formatDate(r.startsOn) })} · {r.ref}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}
