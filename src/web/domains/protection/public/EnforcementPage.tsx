import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Empty, Flex, Form, Input, List, Pagination, Row, Select, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import { AREAS } from '../../../../shared/validators/region';
import { errorText } from '../../../app/errors';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useListParams } from '../../../app/useListParams';
import { publicEnforcementApi, type DecisionKind, type PublicItem, type PublicQuery } from '../disclosure/api';
import { DECISION_KINDS, decisionKindName, partyKindName } from '../disclosure/labels';
import { areaText } from '../keylist/labels';
import { formatYuan } from '../labels';
import { PublicTitle } from './PublicTitle';

const PAGE_SIZE = 20;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** 行政处罚决定公示: the published decisions, searchable by number, party, county, kind and date; anyone may look. */
export default function EnforcementPage() {
  const { t, lang } = useI18n();
  const { page, filters, setFilters: set, setPage, clear } = useListParams(['q', 'area', 'kind', 'from', 'to'], PAGE_SIZE);
  const { kind, from, to } = filters;
  const query: PublicQuery = {
    page,
    pageSize: PAGE_SIZE,
    q: filters.q,
    area: filters.area,
    kind: (DECISION_KINDS as readonly string[]).includes(kind ?? '') ? (kind as DecisionKind) : undefined,
    from: from && ISO.test(from) ? from : undefined,
    to: to && ISO.test(to) ? to : undefined,
  };
  const list = useQuery({ queryKey: ['public-enforcement', query], queryFn: ({ signal }) => publicEnforcementApi.list(query, signal), placeholderData: (prev) => prev });

  useEffect(() => {
    document.title = `${t('pub.enfTitle')} · ${t('app.name')}`;
  }, [t]);

  const areaOptions = useMemo(() => AREAS.map((a) => ({ value: a.code, label: lang === 'zh' ? a.name : a.nameEn })), [lang]);
  const filtered = !!(query.q || query.area || query.kind || query.from || query.to);

  return (
    <>
      <PublicTitle title={t('pub.enfTitle')} intro={t('pub.enfIntro')} />
      <Card className="xz-public-card">
        <Form layout="vertical" role="search" aria-label={t('common.filters')} onFinish={(v: { q?: string }) => set({ q: v.q?.trim() || undefined })} initialValues={{ q: query.q }} key={query.q ?? ''}>
          <Row gutter={12} align="bottom">
            <Col xs={24} md={10}>
              <Form.Item name="q" label={t('pub.enfSearch')} style={{ marginBottom: 12 }}>
                <Input allowClear placeholder={t('pub.enfSearchPlaceholder')} maxLength={100} onChange={(e) => !e.target.value && query.q && set({ q: undefined })} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label={t('pub.enfArea')} style={{ marginBottom: 12 }}>
                <Select allowClear value={query.area} placeholder={t('pub.enfAllAreas')} options={areaOptions} onChange={(v?: string) => set({ area: v })} showSearch={{ optionFilterProp: 'label' }} aria-label={t('pub.enfArea')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label={t('pub.enfKind')} style={{ marginBottom: 12 }}>
                <Select
                  allowClear
                  value={query.kind}
                  placeholder={t('pub.enfAllKinds')}
                  options={DECISION_KINDS.map((k) => ({ value: k, label: decisionKindName(t, k) }))}
                  onChange={(v?: string) => set({ kind: v })}
                  aria-label={t('pub.enfKind')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item label={t('pub.enfDates')} style={{ marginBottom: 12 }}>
                <DatePicker.RangePicker
                  style={{ width: '100%' }}
                  value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
                  allowEmpty={[true, true]}
                  onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
                  aria-label={t('pub.enfDates')}
                />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('pub.enfSearchButton')}
            </Button>
            {filtered && (
              <Button type="link" onClick={clear}>
                {t('pub.enfShowAll')}
              </Button>
            )}
          </Flex>
        </Form>
      </Card>

      {list.isError ? (
        <Alert type="error" showIcon title={t('error.loadFailed')} description={errorText(list.error, t('error.unexpected'))} />
      ) : !list.data ? (
        <Card className="xz-public-card">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <Card className="xz-public-card" title={<h2 className="xz-public-h2">{t('pub.enfCount', { n: list.data.total })}</h2>}>
          {list.data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('pub.enfEmptyFiltered') : t('pub.enfEmpty')} />
          ) : (
            <>
              <List<PublicItem> itemLayout="vertical" dataSource={list.data.items} renderItem={(e) => <Entry item={e} />} className="xz-enf-list" />
              {list.data.total > PAGE_SIZE && (
                <Pagination
                  className="xz-enf-pages"
                  current={query.page}
                  pageSize={PAGE_SIZE}
                  total={list.data.total}
                  showSizeChanger={false}
                  onChange={(p) => setPage(p, PAGE_SIZE)}
                  align="center"
                />
              )}
            </>
          )}
        </Card>
      )}
      <Alert type="info" showIcon className="xz-public-note" title={t('pub.enfPrivacyTitle')} description={t('pub.enfPrivacy')} />
    </>
  );
}

function Entry({ item: e }: { item: PublicItem }) {
  const { t, lang } = useI18n();
  const amounts = [e.fineAmount ? t('dc.amountFine', { amount: formatYuan(e.fineAmount) }) : null, e.confiscatedAmount ? t('dc.amountConfiscated', { amount: formatYuan(e.confiscatedAmount) }) : null].filter(Boolean);
  return (
    <List.Item className="xz-enf-entry">
      <Flex vertical gap={6}>
        <Flex gap={8} align="center" wrap="wrap">
          <Link to={`/public/enforcement/${e.id}`} className="xz-enf-no">
            {e.decisionNo}
          </Link>
          <Tag color="blue">{areaText(lang, e.areaCode, e.areaName)}</Tag>
        </Flex>
        <Typography.Text>
          <Typography.Text type="secondary">{t('pub.enfParty', { kind: partyKindName(t, e.partyKind) })}</Typography.Text>
          {e.partyName}
        </Typography.Text>
        <Flex gap={4} wrap="wrap" align="center">
          {e.kinds.map((k) => (
            <Tag key={k}>{decisionKindName(t, k)}</Tag>
          ))}
          {amounts.length > 0 && <Typography.Text className="xz-num xz-small">{amounts.join(lang === 'zh' ? '，' : ', ')}</Typography.Text>}
        </Flex>
        <Typography.Text type="secondary" className="xz-small xz-num">
          {t('pub.enfDatesLine', { authority: e.authority, decided: formatDate(e.decidedOn), published: formatDate(e.publishedOn) })}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}
