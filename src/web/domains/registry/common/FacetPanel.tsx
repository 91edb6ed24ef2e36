import { CloseOutlined, DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Tag, Typography } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import type { FacetValue } from '../../../app/api-types';
import { formatNumber } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { splitList } from './filters';

export interface FacetGroup {
  /** The filter's name in the address bar and the API (type, status, county…). */
  key: string;
  title: string;
  values: readonly FacetValue[];
  label: (value: string, serverLabel: string | null) => ReactNode;
  /** Plain text of a value, for the active-filter chips and screen readers. */
  text: (value: string, serverLabel: string | null) => string;
  /** The filter value a facet value selects (the county facet's '' is the filter 'none'). */
  filterValue?: (value: string) => string;
  /** Only one value at a time (the API takes one). */
  single?: boolean;
  /** Values shown before "show all". */
  visible?: number;
  /** The server lists only the top values (holders): a ticked value missing from them has an unknown count, not 0. */
  partial?: boolean;
}

const DEFAULT_VISIBLE = 6;

function FacetSection({ group, selected, onToggle }: { group: FacetGroup; selected: string | undefined; onToggle: (value: string) => void }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const chosen = splitList(selected);
  const toFilter = group.filterValue ?? ((v: string) => v);
  const values = group.values.map((v) => ({ ...v, filter: toFilter(v.value) }));
  // A chosen value the counts no longer list (e.g. a holder outside the top ten) still shows, ticked.
  for (const c of chosen) if (!values.some((v) => v.filter === c)) values.unshift({ value: c, label: null, count: group.partial ? -1 : 0, filter: c });
  const limit = group.visible ?? DEFAULT_VISIBLE;
  const shown = open ? values : values.filter((v, i) => i < limit || chosen.includes(v.filter));
  if (values.length === 0) return null;
  return (
    <section className="xz-facet" aria-labelledby={id}>
      <h2 id={id} className="xz-facet-title">
        {group.title}
      </h2>
      <ul className="xz-facet-list">
        {shown.map((v) => (
          <li key={v.filter}>
            <Checkbox checked={chosen.includes(v.filter)} onChange={() => onToggle(v.filter)}>
              <span className="xz-facet-label">{group.label(v.value, v.label)}</span>
            </Checkbox>
            {v.count >= 0 && <span className="xz-facet-count xz-num">{formatNumber(v.count)}</span>}
          </li>
        ))}
      </ul>
      {values.length > limit && (
        <Button type="link" size="small" className="xz-facet-more" icon={open ? <UpOutlined /> : <DownOutlined />} onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? t('reg.facetLess') : t('reg.facetMore', { n: values.length })}
        </Button>
      )}
    </section>
  );
}

/** The counts beside a search: tick values to filter by them (several in one group = any of them). */
export function FacetPanel({
  groups,
  selected,
  onChange,
  estimated,
}: {
  groups: readonly FacetGroup[];
  selected: Record<string, string | undefined>;
  onChange: (key: string, value: string | undefined) => void;
  estimated?: boolean;
}) {
  const t = useT();
  const toggle = (g: FacetGroup, value: string) => {
    const list = splitList(selected[g.key]);
    if (list.includes(value)) {
      const rest = list.filter((x) => x !== value);
      onChange(g.key, rest.length ? rest.join(',') : undefined);
    } else onChange(g.key, g.single ? value : [...list, value].join(','));
  };
  return (
    <div className="xz-facets">
      {groups.map((g) => (
        <FacetSection key={g.key} group={g} selected={selected[g.key]} onToggle={(v) => toggle(g, v)} />
      ))}
      {estimated && <p className="xz-footnote">{t('reg.facetsEstimated')}</p>}
    </div>
  );
}

/** The filters in force, as chips that remove themselves, and a way to clear them all. */
export function ActiveFilters({
  groups,
  selected,
  onChange,
  onClear,
}: {
  groups: readonly FacetGroup[];
  selected: Record<string, string | undefined>;
  onChange: (key: string, value: string | undefined) => void;
  onClear: () => void;
}) {
  const t = useT();
  const chips = groups.flatMap((g) =>
    splitList(selected[g.key]).map((value) => {
      const facet = g.values.find((v) => (g.filterValue ?? ((x: string) => x))(v.value) === value);
      return { g, value, text: g.text(facet?.value ?? value, facet?.label ?? null) };
    }),
  );
  if (chips.length === 0) return null;
  return (
    <Flex wrap="wrap" gap={6} align="center" className="xz-active-filters">
      <Typography.Text type="secondary">{t('reg.activeFilters')}</Typography.Text>
      {chips.map(({ g, value, text }) => (
        <Tag
          key={`${g.key}:${value}`}
          closable
          closeIcon={<CloseOutlined aria-label={t('reg.removeFilter', { what: t('reg.filterChip', { name: g.title, value: text }) })} />}
          onClose={(e) => {
            e.preventDefault();
            const rest = splitList(selected[g.key]).filter((x) => x !== value);
            onChange(g.key, rest.length ? rest.join(',') : undefined);
          }}
        >
          {t('reg.filterChip', { name: g.title, value: text })}
        </Tag>
      ))}
      <Button type="link" size="small" onClick={onClear}>
        {t('reg.clearFilters')}
      </Button>
    </Flex>
  );
}
