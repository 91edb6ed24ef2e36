import { InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Row, Statistic, Table, Tabs, Tooltip, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, type MouseEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { drillHref, ENDED_STATUSES, EVER_GRANTED, landscapeDrill } from '../../../../shared/insight/drill';
import { PATENT_TYPES } from '../../../../shared/registry/types';
import type { LegalStatus, PatentType } from '../../../app/api-types';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EChart } from '../../../app/ui/EChart';
import { ipcName, legalStatusName, LegalStatusTag, patentTypeName, PatentTypeTag } from '../../registry/common/labels';
import { patentPath } from '../../registry/patents/PatentHit';
import type { LandscapeResult } from '../api';
import { TYPE_COLORS } from '../charts';
import { PLACE_COLORS, STATUS_COLORS, TREEMAP_COLORS } from './charts';
import { areaText, percentText } from './format';

type Holder = LandscapeResult['topLocal'][number];
type KeyPatent = LandscapeResult['keyPatents']['claims'][number];
/** The address of the list behind a figure: the run's patents narrowed by `extra`. */
type Href = (extra?: Record<string, string>) => string;

const LAPSED = { status: ENDED_STATUSES.join(','), granted: EVER_GRANTED };

/** Moves to a card of this page (the figures whose list is a ranking on the page, not a record list). */
function scrollTo(e: MouseEvent, id: string) {
  e.preventDefault();
  document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/** The landscape of one finished run: every number and chart element opens the patents it counted. */
export function LandscapeResultView({ runId, r }: { runId: number; r: LandscapeResult }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const href: Href = (extra = {}) => drillHref(landscapeDrill(runId, extra));
  const open = (extra: Record<string, string>) => navigate(href(extra));

  if (r.total === 0) {
    return <Alert type="info" showIcon title={t('ls.noMatch')} description={t('ls.noMatchHint')} />;
  }

  return (
    <div className="xz-dash xz-ls">
      <Kpis r={r} href={href} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('ls.trend')}>
            <Trend r={r} onOpen={open} />
            <Typography.Paragraph type="secondary" className="xz-dash-note">
              {t('ls.trendNote')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('ls.statusMix')}>
            <StatusPie r={r} onOpen={open} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('ls.topLocal')} id="ls-applicants">
            <Holders list={r.topLocal} href={href} local empty={t('ls.noLocal')} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('ls.topOutside')} className="xz-ls-fit">
              <Holders list={r.topOutside} href={href} empty={t('ls.noOutside')} />
            </Card>
            <Card size="small" title={t('ls.counties')} className="xz-ls-fit">
              <Counties r={r} href={href} onOpen={open} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('ls.network')}>
            <Network r={r} onOpen={open} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('ls.inventors')} id="ls-inventors">
            <Inventors r={r} onOpen={open} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('ls.ipcMix')}>
            <IpcTreemap r={r} onOpen={open} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('ls.lifeCycle')}>
            <LifeCycle r={r} onOpen={open} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('ls.keyPatents')}>
            <KeyPatents r={r} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('ls.lapsed')} id="ls-lapsed">
            <Lapsed r={r} href={href} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function Kpis({ r, href }: { r: LandscapeResult; href: Href }) {
  const { t } = useI18n();
  const localCodes = r.counties.map((c) => c.key).filter((k) => k !== 'outside' && k !== 'none');
  const items: Array<{ key: string; label: string; value: string; note: string; tip?: string; to?: string; anchor?: string }> = [
    { key: 'total', label: t('ls.kpi.total'), value: formatNumber(r.total), note: t('ls.kpi.totalNote'), to: href() },
    { key: 'granted', label: t('ls.kpi.granted'), value: formatNumber(r.granted), note: t('ls.kpi.grantedNote'), to: href({ granted: EVER_GRANTED }) },
    { key: 'valid', label: t('ls.kpi.valid'), value: formatNumber(r.valid), note: t('ls.kpi.validNote'), to: href({ status: 'valid' }) },
    {
      key: 'rate',
      label: t('ls.kpi.rate'),
      value: percentText(r.inventionGrantRate),
      note: t('ls.kpi.rateNote', { n: formatNumber(r.inventionsDecided) }),
      tip: t('ls.kpi.rateRule'),
      to: href({ type: 'invention', granted: EVER_GRANTED }),
    },
    {
      key: 'local',
      label: t('ls.kpi.local'),
      value: formatNumber(r.localPatents),
      note: t('ls.kpi.localNote'),
      to: localCodes.length ? href({ county: localCodes.join(',') }) : undefined,
    },
    { key: 'applicants', label: t('ls.kpi.applicants'), value: formatNumber(r.applicants), note: t('ls.kpi.applicantsNote', { n: formatNumber(r.localApplicants) }), tip: t('ls.kpi.rankingTip'), anchor: 'ls-applicants' },
    { key: 'inventors', label: t('ls.kpi.inventors'), value: formatNumber(r.inventors), note: t('ls.kpi.inventorsNote'), tip: t('ls.kpi.rankingTip'), anchor: 'ls-inventors' },
    { key: 'lapsed', label: t('ls.kpi.lapsed'), value: formatNumber(r.lapsed.total), note: t('ls.kpi.lapsedNote'), to: href(LAPSED) },
  ];
  return (
    <div className="xz-kpis xz-ls-kpis">
      {items.map((it) => {
        const title = it.tip ? (
          <Tooltip title={it.tip}>
            <span>
              {it.label} <InfoCircleOutlined className="xz-muted" />
            </span>
          </Tooltip>
        ) : (
          it.label
        );
        const body = (
          <>
            <Statistic title={title} value={it.value} />
            <Typography.Text type="secondary" className="xz-kpi-note">
              {it.note}
            </Typography.Text>
          </>
        );
        const aria = `${it.label}（${it.note}）: ${it.value}`;
        if (it.to)
          return (
            <Link key={it.key} to={it.to} className="xz-kpi" aria-label={aria} data-kpi={it.key}>
              {body}
            </Link>
          );
        if (it.anchor)
          return (
            <a key={it.key} href={`#${it.anchor}`} onClick={(e) => scrollTo(e, it.anchor as string)} className="xz-kpi" aria-label={aria} data-kpi={it.key}>
              {body}
            </a>
          );
        return (
          <div key={it.key} className="xz-kpi" aria-label={aria} data-kpi={it.key}>
            {body}
          </div>
        );
      })}
    </div>
  );
}

function Trend({ r, onOpen }: { r: LandscapeResult; onOpen: (extra: Record<string, string>) => void }) {
  const { t } = useI18n();
  const types = PATENT_TYPES.filter((p) => r.byType.some((b) => b.key === p && b.n > 0));
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, itemGap: 20 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: r.years.map((y) => String(y.year)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        ...types.map((type) => ({
          name: t('ls.filingsOf', { type: patentTypeName(t, type) }),
          type: 'bar',
          stack: 'filings',
          barMaxWidth: 36,
          itemStyle: { color: TYPE_COLORS[type] },
          cursor: 'pointer',
          data: r.years.map((y) => y[type]),
        })),
        { name: t('ls.grants'), type: 'line', itemStyle: { color: '#cf1322' }, cursor: 'pointer', data: r.years.map((y) => y.grants) },
      ],
    }),
    [r, t, types],
  );
  return (
    <EChart
      option={option}
      height={300}
      label={t('ls.trendLabel')}
      onClick={({ dataIndex, seriesIndex }) => {
        const y = r.years[dataIndex];
        if (!y) return;
        const type = types[seriesIndex];
        onOpen(type ? { year: String(y.year), type } : { granted: String(y.year) });
      }}
    />
  );
}

function StatusPie({ r, onOpen }: { r: LandscapeResult; onOpen: (extra: Record<string, string>) => void }) {
  const { t } = useI18n();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { type: 'scroll', orient: 'vertical', right: 8, top: 'middle', formatter: (name: string) => `${name}  ${formatNumber(r.status.find((s) => legalStatusName(t, s.key) === name)?.n ?? 0)}` },
      title: { text: formatNumber(r.total), subtext: t('ls.patentsUnit'), left: '34%', top: '42%', textAlign: 'center', textStyle: { fontSize: 22, fontWeight: 600 }, subtextStyle: { fontSize: 12 } },
      series: [
        {
          type: 'pie',
          center: ['35%', '52%'],
          radius: ['45%', '72%'],
          label: { show: false },
          cursor: 'pointer',
          data: r.status.map((s) => ({ name: legalStatusName(t, s.key), value: s.n, itemStyle: { color: STATUS_COLORS[s.key] } })),
        },
      ],
    }),
    [r, t],
  );
  return <EChart option={option} height={300} label={t('ls.statusMix')} onClick={({ dataIndex }) => r.status[dataIndex] && onOpen({ status: r.status[dataIndex].key })} />;
}

function Holders({ list, href, local, empty }: { list: Holder[]; href: Href; local?: boolean; empty: string }) {
  const { t, lang } = useI18n();
  if (list.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Table<Holder>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={list}
      scroll={{ x: 520 }}
      locale={{ emptyText: empty }}
      columns={[
        { title: t('ins.rank'), width: 48, render: (_v, _h, i) => i + 1 },
        {
          title: t('ls.applicant'),
          dataIndex: 'name',
          render: (name: string, h) => (
            <Tooltip title={t('ls.holderDrill')}>
              <Link to={href({ holder: String(h.id) })}>{name}</Link>
            </Tooltip>
          ),
        },
        local
          ? { title: t('ins.area'), key: 'area', width: 110, render: (_v: unknown, h: Holder) => areaText(h.areaCode, lang, h.areaName) ?? '—' }
          : { title: t('ls.activeYears'), key: 'years', width: 110, render: (_v: unknown, h: Holder) => <span className="xz-num">{h.firstYear === h.lastYear ? h.firstYear : `${h.firstYear}–${h.lastYear}`}</span> },
        { title: t('ls.col.patents'), dataIndex: 'patents', align: 'right', width: 64, render: (n: number, h) => <Link to={href({ holder: String(h.id) })}>{formatNumber(n)}</Link> },
        { title: t('ls.col.granted'), dataIndex: 'granted', align: 'right', width: 64, render: (n: number, h) => <Link to={href({ holder: String(h.id), granted: EVER_GRANTED })}>{formatNumber(n)}</Link> },
        { title: t('ls.col.valid'), dataIndex: 'valid', align: 'right', width: 64, render: (n: number, h) => <Link to={href({ holder: String(h.id), status: 'valid' })}>{formatNumber(n)}</Link> },
      ]}
    />
  );
}

function Network({ r, onOpen }: { r: LandscapeResult; onOpen: (extra: Record<string, string>) => void }) {
  const { t } = useI18n();
  const { nodes, links, coFiled } = r.network;
  const places = ['local', 'outside', 'unknown'] as const;
  const max = Math.max(1, ...nodes.map((n) => n.patents));
  // Names on the larger nodes only, so that a crowded network stays readable (all names on hover).
  const labelled = new Set([...nodes].sort((a, b) => b.patents - a.patents).slice(0, 16).map((n) => n.id));
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: {
        formatter: (p: { dataType: string; data: { name?: string; patents?: number; source?: string; target?: string; value?: number } }) =>
          p.dataType === 'edge'
            ? t('ls.edgeTip', { a: nodes.find((n) => String(n.id) === p.data.source)?.name ?? '', b: nodes.find((n) => String(n.id) === p.data.target)?.name ?? '', n: p.data.value ?? 0 })
            : t('ls.nodeTip', { name: p.data.name ?? '', n: p.data.patents ?? 0 }),
      },
      legend: { top: 0, data: places.map((p) => t(`ls.place.${p}`)) },
      series: [
        {
          type: 'graph',
          layout: 'force',
          top: 48,
          bottom: 24,
          left: 24,
          right: 96,
          roam: true,
          draggable: true,
          // Gravity keeps the separate pairs and groups of a sparse network on the canvas.
          force: { repulsion: 400, edgeLength: [70, 140], gravity: 0.2 },
          categories: places.map((p) => ({ name: t(`ls.place.${p}`), itemStyle: { color: PLACE_COLORS[p] } })),
          label: { position: 'right', fontSize: 11, color: '#333' },
          emphasis: { focus: 'adjacency', label: { show: true } },
          lineStyle: { color: '#adb5bd', opacity: 0.8, curveness: 0.1 },
          cursor: 'pointer',
          data: nodes.map((n) => ({
            id: String(n.id),
            name: n.name,
            patents: n.patents,
            category: places.indexOf(n.place),
            symbolSize: 10 + 30 * Math.sqrt(n.patents / max),
            label: { show: labelled.has(n.id) },
          })),
          links: links.map((l) => ({ source: String(l.source), target: String(l.target), value: l.n, lineStyle: { width: Math.min(8, 1 + l.n) } })),
        },
      ],
    }),
    [nodes, links, t, max, labelled],
  );
  return (
    <>
      {links.length === 0 ? (
        <div className="xz-ls-empty">
          <Typography.Text type="secondary">{t('ls.noNetwork')}</Typography.Text>
        </div>
      ) : (
        <EChart
          option={option}
          height={380}
          label={t('ls.networkLabel', { n: nodes.length, links: links.length })}
          onClick={({ dataType, data }) => {
            const id = (data as { id?: string } | undefined)?.id;
            if (dataType === 'node' && id) onOpen({ holder: id });
          }}
        />
      )}
      <Typography.Paragraph type="secondary" className="xz-dash-note">
        {t('ls.networkNote', { n: formatNumber(coFiled), links: links.length })}
      </Typography.Paragraph>
    </>
  );
}

function Inventors({ r, onOpen }: { r: LandscapeResult; onOpen: (extra: Record<string, string>) => void }) {
  const { t } = useI18n();
  const list = [...r.inventorRanking].reverse();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: list.map((i) => i.name), axisLabel: { fontSize: 12 } },
      series: [
        { name: t('ls.col.patents'), type: 'bar', barGap: '-100%', barMaxWidth: 14, itemStyle: { color: '#91caff' }, cursor: 'pointer', data: list.map((i) => i.patents) },
        { name: t('ls.col.granted'), type: 'bar', barMaxWidth: 14, itemStyle: { color: '#1d4ed8' }, cursor: 'pointer', data: list.map((i) => i.granted) },
      ],
    }),
    [list, t],
  );
  if (list.length === 0) return <Typography.Text type="secondary">{t('ins.noData')}</Typography.Text>;
  return (
    <>
      <EChart
        option={option}
        height={Math.max(220, 40 + list.length * 22)}
        label={t('ls.inventorsLabel', { list: r.inventorRanking.map((i) => `${i.name} ${i.patents}`).join('，') })}
        onClick={({ dataIndex, seriesIndex }) => {
          const i = list[dataIndex];
          if (i) onOpen(seriesIndex === 1 ? { q: i.name, granted: EVER_GRANTED } : { q: i.name });
        }}
      />
      <Typography.Paragraph type="secondary" className="xz-dash-note">
        {t('ls.inventorsNote')}
      </Typography.Paragraph>
    </>
  );
}

interface TreeNode {
  name: string;
  code: string;
  value: number;
  itemStyle: { color: string; borderColor?: string };
  children?: TreeNode[];
}

/** A colour mixed with white: f = 0 the colour itself, 1 white. */
function tint(hex: string, f: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * f);
  return `rgb(${mix((n >> 16) & 255)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
}

/** Main IPC subgroups grouped subclass → main group → subgroup, one colour per subclass. */
function ipcTree(groups: LandscapeResult['ipcGroups'], lang: 'zh' | 'en'): TreeNode[] {
  const subclasses = new Map<string, Map<string, Array<{ code: string; n: number }>>>();
  for (const g of groups) {
    const m = /^([A-H]\d{2}[A-Z])\s*(\d+)?/.exec(g.key);
    const sub = m?.[1] ?? g.key;
    const main = m?.[2] ? `${sub} ${m[2]}` : sub;
    const mains = subclasses.get(sub) ?? new Map<string, Array<{ code: string; n: number }>>();
    subclasses.set(sub, mains);
    mains.set(main, [...(mains.get(main) ?? []), { code: g.key, n: g.n }]);
  }
  const sum = (list: Array<{ value: number }>) => list.reduce((n, x) => n + x.value, 0);
  return [...subclasses].map(([sub, mains], i) => {
    const base = TREEMAP_COLORS[i % TREEMAP_COLORS.length] ?? '#1d4ed8';
    const children = [...mains].map(([main, leaves]) => {
      const kids = leaves.map((l, j) => ({ name: l.code, code: l.code, value: l.n, itemStyle: { color: tint(base, 0.15 + (j % 4) * 0.12) } }));
      return { name: `${main}/00`, code: main, value: sum(kids), itemStyle: { color: tint(base, 0.05), borderColor: tint(base, 0.05) }, children: kids };
    });
    const title = ipcName(lang, sub);
    return { name: title ? `${sub} ${title}` : sub, code: sub, value: sum(children), itemStyle: { color: base, borderColor: base }, children };
  });
}

function IpcTreemap({ r, onOpen }: { r: LandscapeResult; onOpen: (extra: Record<string, string>) => void }) {
  const { t, lang } = useI18n();
  const tree = useMemo(() => ipcTree(r.ipcGroups, lang), [r.ipcGroups, lang]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { formatter: (p: { data: TreeNode }) => (p.data?.code ? `${p.data.children ? p.data.name : p.data.code}<br/>${t('ls.ipcTip', { n: formatNumber(p.data.value) })}` : '') },
      series: [
        {
          type: 'treemap',
          name: t('ls.ipcAll'),
          top: 4,
          left: 4,
          right: 4,
          bottom: 4,
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          label: { show: true, formatter: '{b}\n{c}', fontSize: 12, color: '#fff' },
          upperLabel: { show: true, height: 20, color: '#fff', fontSize: 12, overflow: 'truncate' },
          itemStyle: { borderColor: '#fff' },
          levels: [
            { itemStyle: { borderWidth: 0, gapWidth: 4 } },
            { itemStyle: { borderWidth: 2, gapWidth: 2 } },
            { itemStyle: { borderWidth: 2, gapWidth: 1 } },
            { itemStyle: { borderWidth: 0 } },
          ],
          data: tree,
        },
      ],
    }),
    [tree, t],
  );
  if (r.ipcGroups.length === 0) return <Typography.Text type="secondary">{t('ins.noData')}</Typography.Text>;
  return (
    <>
      <EChart
        option={option}
        height={340}
        label={t('ls.ipcLabel', { list: r.ipcGroups.slice(0, 20).map((g) => `${g.key} ${g.n}`).join('，') })}
        onClick={({ data }) => {
          const node = data as TreeNode | undefined;
          if (node?.code) onOpen({ ipc: node.code });
        }}
      />
      <Typography.Paragraph type="secondary" className="xz-dash-note">
        {t('ls.ipcNote')}
      </Typography.Paragraph>
    </>
  );
}

function Counties({ r, href, onOpen }: { r: LandscapeResult; href: Href; onOpen: (extra: Record<string, string>) => void }) {
  const { t, lang } = useI18n();
  const areas = r.counties.filter((c) => c.key !== 'outside' && c.key !== 'none');
  const outside = r.counties.find((c) => c.key === 'outside')?.n ?? 0;
  const none = r.counties.find((c) => c.key === 'none')?.n ?? 0;
  const list = [...areas].reverse();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: list.map((c) => areaText(c.key, lang) ?? c.key) },
      series: [
        {
          name: t('ls.col.patents'),
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: '#1d4ed8' },
          label: { show: true, position: 'right', fontSize: 11 },
          cursor: 'pointer',
          data: list.map((c) => c.n),
        },
      ],
    }),
    [list, lang, t],
  );
  return (
    <>
      {areas.length === 0 ? (
        <Typography.Text type="secondary">{t('ls.noCounty')}</Typography.Text>
      ) : (
        <EChart option={option} height={Math.max(200, 24 + list.length * 28)} label={t('ls.countiesLabel')} onClick={({ dataIndex }) => list[dataIndex] && onOpen({ county: list[dataIndex].key })} />
      )}
      <Flex gap={16} wrap="wrap" className="xz-ls-county-rest">
        <Tooltip title={t('ls.outsideTip')}>
          <span>
            {t('ls.outsideCount')} <strong className="xz-num">{formatNumber(outside)}</strong> <InfoCircleOutlined className="xz-muted" />
          </span>
        </Tooltip>
        <span>
          {t('ls.noneCount')}{' '}
          {none > 0 ? (
            <Link to={href({ county: 'none', local: '1' })} className="xz-num">
              <strong>{formatNumber(none)}</strong>
            </Link>
          ) : (
            <strong className="xz-num">0</strong>
          )}
        </span>
      </Flex>
    </>
  );
}

function LifeCycle({ r, onOpen }: { r: LandscapeResult; onOpen: (extra: Record<string, string>) => void }) {
  const { t } = useI18n();
  // Years before the first filing carry no point.
  const first = r.years.findIndex((y) => y.invention + y.utility + y.design > 0 || y.applicants > 0);
  const years = first < 0 ? [] : r.years.slice(first);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const y = years[p.dataIndex];
          return y ? t('ls.lifeTip', { year: y.year, filings: y.invention + y.utility + y.design, applicants: y.applicants, newcomers: y.newApplicants }) : '';
        },
      },
      grid: { left: 48, right: 24, top: 24, bottom: 44 },
      xAxis: { type: 'value', name: t('ls.lifeX'), nameLocation: 'middle', nameGap: 28, minInterval: 1, scale: false },
      yAxis: { type: 'value', name: t('ls.lifeY'), nameLocation: 'end', minInterval: 1 },
      series: [
        {
          type: 'line',
          symbol: 'circle',
          symbolSize: 9,
          cursor: 'pointer',
          itemStyle: { color: '#1d4ed8' },
          lineStyle: { width: 1.5, color: '#91caff' },
          label: { show: true, position: 'top', fontSize: 10, color: '#555', formatter: (p: { dataIndex: number }) => String(years[p.dataIndex]?.year ?? '') },
          labelLayout: { hideOverlap: true },
          // Early years light, late years dark: the direction of time without arrows.
          data: years.map((y, i) => ({ value: [y.applicants, y.invention + y.utility + y.design], itemStyle: { color: tint('#1d4ed8', 0.75 * (1 - i / Math.max(1, years.length - 1))) } })),
        },
      ],
    }),
    [years, t],
  );
  if (years.length === 0) return <Typography.Text type="secondary">{t('ins.noData')}</Typography.Text>;
  return (
    <>
      <EChart option={option} height={320} label={t('ls.lifeLabel')} onClick={({ dataIndex }) => years[dataIndex] && onOpen({ year: String(years[dataIndex].year) })} />
      <Typography.Paragraph type="secondary" className="xz-dash-note">
        {t('ls.lifeNote')}
      </Typography.Paragraph>
    </>
  );
}

function PatentTable({ list, valueTitle, valueText, empty }: { list: KeyPatent[]; valueTitle: string; valueText: (v: number) => ReactNode; empty: string }) {
  const { t } = useI18n();
  return (
    <Table<KeyPatent>
      size="small"
      rowKey="appNo"
      pagination={false}
      dataSource={list}
      scroll={{ x: 760 }}
      locale={{ emptyText: empty }}
      columns={[
        { title: t('ls.col.appNo'), dataIndex: 'appNo', width: 150, render: (no: string) => <Link to={patentPath({ appNo: no })} className="xz-mono">{no}</Link> },
        {
          title: t('ls.col.title'),
          dataIndex: 'title',
          render: (title: string, p) => (
            <Flex gap={4} align="center">
              <PatentTypeTag type={p.type as PatentType} />
              <Typography.Text ellipsis={{ tooltip: title }} className="xz-ls-title">
                {title}
              </Typography.Text>
            </Flex>
          ),
        },
        { title: t('ls.applicant'), dataIndex: 'applicant', width: 220, ellipsis: true, render: (v: string | null) => v ?? '—' },
        { title: t('patent.status'), dataIndex: 'status', width: 110, render: (s: string) => <LegalStatusTag status={s as LegalStatus} /> },
        { title: valueTitle, dataIndex: 'value', width: 92, align: 'right', render: (v: number) => valueText(v) },
      ]}
    />
  );
}

function KeyPatents({ r }: { r: LandscapeResult }) {
  const { t } = useI18n();
  const k = r.keyPatents;
  return (
    <>
      <Tabs
        size="small"
        items={[
          { key: 'claims', label: t('ls.key.claims'), children: <PatentTable list={k.claims} valueTitle={t('ls.key.claimsCol')} valueText={(v) => formatNumber(v)} empty={t('ins.noData')} /> },
          { key: 'family', label: t('ls.key.family'), children: <PatentTable list={k.family} valueTitle={t('ls.key.familyCol')} valueText={(v) => formatNumber(v)} empty={t('ls.key.noFamily')} /> },
          { key: 'longest', label: t('ls.key.longest'), children: <PatentTable list={k.longest} valueTitle={t('ls.key.longestCol')} valueText={(v) => t('ls.nYears', { n: v })} empty={t('ls.key.noValid')} /> },
        ]}
      />
      {!k.citationsAvailable && (
        <Typography.Paragraph type="secondary" className="xz-dash-note">
          <InfoCircleOutlined /> {t('ls.key.noCitations')}
        </Typography.Paragraph>
      )}
    </>
  );
}

function Lapsed({ r, href }: { r: LandscapeResult; href: Href }) {
  const { t } = useI18n();
  const l = r.lapsed;
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={8}>
        <Flex vertical gap={12}>
          <Link to={href(LAPSED)} className="xz-kpi" aria-label={`${t('ls.kpi.lapsed')}: ${l.total}`}>
            <Statistic title={t('ls.lapsedTotal')} value={formatNumber(l.total)} suffix={t('ls.patentsUnit')} />
          </Link>
          <ul className="xz-ind-list">
            {l.byStatus.map((s) => (
              <li key={s.key}>
                <span>{legalStatusName(t, s.key)}</span>
                <Link to={href({ status: s.key, granted: EVER_GRANTED })} className="xz-num">
                  {formatNumber(s.n)}
                </Link>
              </li>
            ))}
          </ul>
          <Alert type="warning" showIcon icon={<WarningOutlined />} title={t('ls.lapsedCaution')} />
          <Link to={href(LAPSED)}>{t('ls.lapsedAll', { n: formatNumber(l.total) })}</Link>
        </Flex>
      </Col>
      <Col xs={24} lg={16}>
        <Typography.Text strong>{t('ls.lapsedRecent')}</Typography.Text>
        <PatentTable list={l.recent} valueTitle={t('ls.key.claimsCol')} valueText={(v) => (v > 0 ? formatNumber(v) : '—')} empty={t('ls.noLapsed')} />
      </Col>
    </Row>
  );
}
