import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Drawer, Flex, Row, Select } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { useT } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useCompact } from '../../../app/ui/responsive';
import { SearchInput } from '../../../app/ui/SearchInput';
import { ActiveFilters, FacetPanel, type FacetGroup } from './FacetPanel';
import { splitList } from './filters';
import { RightTypeTabs, type RightType } from './RightTypeTabs';

export type SortOrder = 'relevance' | 'date';

interface Props {
  right: RightType;
  title: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
  q: string | undefined;
  placeholder: string;
  onSearch: (q: string) => void;
  sort: SortOrder;
  onSort: (sort: SortOrder) => void;
  groups: readonly FacetGroup[];
  selected: Record<string, string | undefined>;
  onFilter: (key: string, value: string | undefined) => void;
  onClearFilters: () => void;
  facetsEstimated?: boolean;
  /** "找到 1,234 件" and the like, announced to screen readers when it changes. */
  summary: ReactNode;
  /** Above the summary: the statistical rule the list was opened with. */
  notice?: ReactNode;
  chart?: ReactNode;
  children: ReactNode;
}

/** The search box of a register, its label for screen readers, and whatever sits beside it (the sort order). */
export function SearchForm({ q, placeholder, onSearch, children }: { q: string | undefined; placeholder: string; onSearch: (q: string) => void; children?: ReactNode }) {
  const searchId = useId();
  return (
    <form role="search" className="xz-search-row" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={searchId} className="xz-sr-only">
        {placeholder}
      </label>
      <SearchInput
        key={q ?? ''}
        id={searchId}
        size="large"
        defaultValue={q}
        placeholder={placeholder}
        allowClear
        onSearch={(v) => onSearch(v.trim())}
        className="xz-search-input"
      />
      {children}
    </form>
  );
}

/**
 * A register search: the right-type tabs and the search box on top, the counts (facets) beside the
 * results on wide screens and behind a 筛选 button on phones.
 */
export function SearchFrame(p: Props) {
  const t = useT();
  const compact = useCompact();
  const [drawer, setDrawer] = useState(false);
  const sortId = useId();
  const active = p.groups.reduce((n, g) => n + splitList(p.selected[g.key]).length, 0);
  const facets = <FacetPanel groups={p.groups} selected={p.selected} onChange={p.onFilter} estimated={p.facetsEstimated} />;

  return (
    <>
      <PageHeader title={p.title} subtitle={p.subtitle} extra={p.extra} />
      <Card className="xz-search-card">
        <RightTypeTabs current={p.right} q={p.q} />
        <SearchForm q={p.q} placeholder={p.placeholder} onSearch={p.onSearch}>
          <Flex align="center" gap={8} className="xz-sort">
            <label htmlFor={sortId} className="xz-muted xz-nowrap">
              {t('reg.sort')}
            </label>
            <Select<SortOrder>
              id={sortId}
              value={p.sort}
              onChange={p.onSort}
              style={{ width: compact ? '100%' : 140 }}
              options={[
                { value: 'relevance', label: t('reg.sortRelevance'), disabled: !p.q },
                { value: 'date', label: t('reg.sortDate') },
              ]}
            />
          </Flex>
        </SearchForm>
      </Card>
      <Row gutter={[16, 16]} className="xz-search-body">
        {!compact && (
          <Col xs={24} lg={7} xl={6}>
            <Card title={t('common.filters')} size="small" className="xz-facet-card">
              {facets}
            </Card>
          </Col>
        )}
        <Col xs={24} lg={compact ? 24 : 17} xl={compact ? 24 : 18}>
          {p.notice}
          <Flex align="center" justify="space-between" gap={8} wrap="wrap" className="xz-search-summary">
            <div role="status" aria-live="polite">
              {p.summary}
            </div>
            {compact && (
              <Badge count={active} size="small" offset={[-4, 4]}>
                <Button icon={<FilterOutlined />} onClick={() => setDrawer(true)} aria-expanded={drawer}>
                  {t('common.filters')}
                </Button>
              </Badge>
            )}
          </Flex>
          <ActiveFilters groups={p.groups} selected={p.selected} onChange={p.onFilter} onClear={p.onClearFilters} />
          {p.chart}
          {p.children}
        </Col>
      </Row>
      {compact && (
        <Drawer
          title={t('common.filters')}
          placement="bottom"
          size="80vh"
          open={drawer}
          onClose={() => setDrawer(false)}
          footer={
            <Flex justify="space-between">
              <Button onClick={p.onClearFilters} disabled={active === 0}>
                {t('reg.clearFilters')}
              </Button>
              <Button type="primary" onClick={() => setDrawer(false)}>
                {t('reg.showResults')}
              </Button>
            </Flex>
          }
        >
          {facets}
        </Drawer>
      )}
    </>
  );
}
