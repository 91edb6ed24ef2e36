import { AlertOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Form, Input, List, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { AREAS, CITY_CODE } from '../../../../shared/validators/region';
import { errorText } from '../../../app/errors';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useListParams } from '../../../app/useListParams';
import { publicKeyListApi, type PublicEntry } from '../keylist/api';
import { areaText, rightTypeName } from '../keylist/labels';
import { PublicTitle } from './PublicTitle';

/** How many rights of a firm show before “and n more”. */
const RIGHTS_SHOWN = 6;
const PAGE_SIZE = 20;

/** 重点关注名录: the firms the city office has listed, and the rights it watches for them; anyone may look. */
export default function KeyListPage() {
  const { t, lang } = useI18n();
  const { page, filters, setFilters: set, setPage, clear } = useListParams(['q', 'area'], PAGE_SIZE);
  const { q, area } = filters;
  const list = useQuery({ queryKey: ['public-key-list', { q, area, page }], queryFn: ({ signal }) => publicKeyListApi.list({ q, area, page, pageSize: PAGE_SIZE }, signal), placeholderData: (prev) => prev });

  useEffect(() => {
    document.title = `${t('pub.keyListTitle')} · ${t('app.name')}`;
  }, [t]);

  const areaOptions = useMemo(
    () =>
      AREAS.filter((a) => a.code !== CITY_CODE).map((a) => ({
        value: a.code,
        label: lang === 'zh' ? a.name : a.nameEn,
      })),
    [lang],
  );
  const filtered = !!(q || area);

  return (
    <>
      <PublicTitle title={t('pub.keyListTitle')} intro={t('pub.keyListIntro')} />
      <Card className="xz-public-card">
        <Form layout="vertical" role="search" aria-label={t('common.filters')} onFinish={(v: { q?: string }) => set({ q: v.q?.trim() || undefined })} initialValues={{ q }} key={q ?? ''}>
          <Row gutter={12} align="bottom">
            <Col xs={24} md={14}>
              <Form.Item name="q" label={t('pub.keyListSearch')} style={{ marginBottom: 12 }}>
                <Input allowClear placeholder={t('pub.keyListSearchPlaceholder')} maxLength={100} onChange={(e) => !e.target.value && q && set({ q: undefined })} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item label={t('pub.keyListArea')} style={{ marginBottom: 12 }}>
                <Select
                  allowClear
                  value={area}
                  placeholder={t('pub.keyListAllAreas')}
                  options={areaOptions}
                  onChange={(v?: string) => set({ area: v })}
                  showSearch={{ optionFilterProp: 'label' }}
                  aria-label={t('pub.keyListArea')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
              <Form.Item style={{ marginBottom: 12 }}>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />} block>
                  {t('pub.keyListSearchButton')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>

      {list.isError ? (
        <Alert type="error" showIcon title={t('error.loadFailed')} description={errorText(list.error, t('error.unexpected'))} />
      ) : !list.data ? (
        <Card className="xz-public-card">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <Card
          className="xz-public-card"
          title={<h2 className="xz-public-h2">{t('pub.keyListCount', { n: list.data.total })}</h2>}
          extra={
            filtered ? (
              <Button size="small" type="link" onClick={clear}>
                {t('pub.keyListShowAll')}
              </Button>
            ) : null
          }
        >
          {list.data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('pub.keyListEmptyFiltered') : t('pub.keyListEmpty')} />
          ) : (
            <List<PublicEntry>
              itemLayout="vertical"
              dataSource={list.data.items}
              renderItem={(e) => <Entry entry={e} />}
              className="xz-kl-public-list"
              pagination={
                list.data.total > PAGE_SIZE
                  ? { current: page, pageSize: PAGE_SIZE, total: list.data.total, showSizeChanger: false, align: 'center', onChange: (p) => setPage(p, PAGE_SIZE) }
                  : false
              }
            />
          )}
        </Card>
      )}

      <Alert
        type="info"
        showIcon
        icon={<AlertOutlined />}
        className="xz-public-note"
        title={t('pub.keyListReportTitle')}
        description={
          <span>
            {t('pub.keyListReportText')} <Link to="/public/report">{t('pub.navReport')}</Link>
          </span>
        }
      />
    </>
  );
}

function Entry({ entry: e }: { entry: PublicEntry }) {
  const { t, lang } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? e.rights : e.rights.slice(0, RIGHTS_SHOWN);
  const more = e.rights.length - shown.length;
  return (
    <List.Item className="xz-kl-entry">
      <Flex vertical gap={8}>
        <Flex gap={8} align="center" wrap="wrap">
          <Typography.Title level={3} className="xz-kl-entry-name">
            {e.name}
          </Typography.Title>
          <Tag color="blue">{areaText(lang, e.areaCode, e.areaName)}</Tag>
          <Tag>{e.industry}</Tag>
        </Flex>
        <div>
          <Typography.Text type="secondary" className="xz-small">
            {t('pub.keyListRights', { n: e.rights.length })}
          </Typography.Text>
          <ul className="xz-kl-rights">
            {shown.map((r) => (
              <li key={`${r.type}:${r.number}`}>
                <Tag className="xz-tag-inline">{rightTypeName(t, r.type)}</Tag>
                <span className="xz-mono">{r.number}</span> <span>{r.title}</span>
              </li>
            ))}
            {more > 0 && (
              <li>
                <Button type="link" size="small" className="xz-kl-more" onClick={() => setAll(true)}>
                  {t('pub.keyListMore', { n: more })}
                </Button>
              </li>
            )}
          </ul>
        </div>
        <Typography.Text type="secondary" className="xz-small xz-num">
          {t('pub.keyListDates', { listed: formatDate(e.listedOn), due: formatDate(e.reviewDue) })}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}
