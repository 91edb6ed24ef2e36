import { z } from 'zod';
import { drillHref } from '../../shared/insight/drill';
import { INDICATOR_DEFINITIONS, INDICATORS } from '../../shared/insight/indicators';
import { indicatorTable } from '../../server/domains/insight/indicators/service';
import { csvLine } from '../../server/domains/registry/export/sheet';
import { defineCommand, say } from '../command';

export const statsInput = z.strictObject({
  indicator: z.enum(INDICATORS, { message: `指标应为 / indicator must be one of: ${INDICATORS.join(', ')}` }),
  county: z.string().trim().max(20).optional(),
  year: z.coerce.number().int().min(1985).max(2100).optional(),
  format: z.enum(['table', 'json', 'csv']).default('table'),
});

/** Width of a string in a terminal: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
const pad = (s: string, w: number, right = false) => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))));

export default defineCommand({
  id: 'stats',
  words: ['stats'],
  summary: say('按地区和年份输出统计指标（与网页同一口径）', 'Print an indicator by area and year (the same figures as the web app)'),
  description: say(`指标：${INDICATORS.map((c) => `${c} ${INDICATOR_DEFINITIONS[c].name.zh}`).join('；')}`, `Indicators: ${INDICATORS.join(', ')}`),
  examples: ['xinzhi stats high_value_per_10k', 'xinzhi stats valid_inventions --county 411525 --year 2024', 'xinzhi stats high_value_per_10k --format csv > 高价值.csv'],
  args: [{ name: 'indicator', key: 'indicator', help: say('指标代码', 'indicator code') }],
  options: [
    { flags: '--county <code>', key: 'county', help: say('地区代码，默认全市及各县区', 'area code; default: the city and every area') },
    { flags: '--year <year>', key: 'year', help: say('年份，默认今年', 'year; default: this year') },
    { flags: '--format <format>', key: 'format', help: say('table（默认）、json 或 csv', 'table (default), json or csv') },
  ],
  schema: statsInput,
  remote: true,
  prepare: true,
  async run(ctx, input, io) {
    const table = await indicatorTable(ctx, io.actor, { year: input.year, area: input.county });
    const def = INDICATOR_DEFINITIONS[input.indicator];
    const rows = table.areas.map((a) => {
      const v = a.values[input.indicator];
      return {
        code: a.code,
        name: a.name,
        value: v.value,
        count: v.count,
        denominator: v.denominator?.value ?? null,
        denominatorYear: v.denominator?.year ?? null,
        denominatorIsEstimate: v.denominator?.isEstimate ?? null,
        target: v.target,
        progress: v.progress,
        list: drillHref(v.drill),
      };
    });
    const data = { indicator: input.indicator, name: def.name, unit: def.unit, formula: def.formula, rule: def.rule, year: table.year, rows };
    const fixed = (n: number | null) => (n === null ? '' : n.toFixed(def.digits));
    if (input.format === 'json') return { message: JSON.stringify(data, null, 2), data };
    const header = ['地区代码', '地区', `数值(${def.unit.zh})`, '计数', def.per === 'entities' ? '市场主体户数' : def.per ? '人口' : '', '分母年份', '目标', '完成率', '明细'];
    const lines = rows.map((r) => [
      r.code,
      r.name,
      fixed(r.value),
      String(r.count),
      r.denominator === null ? '' : `${r.denominator}${r.denominatorIsEstimate ? '*' : ''}`,
      r.denominatorYear === null ? '' : String(r.denominatorYear),
      r.target === null ? '' : String(r.target),
      r.progress === null ? '' : `${(r.progress * 100).toFixed(1)}%`,
      r.list,
    ]);
    if (input.format === 'csv') return { message: [header, ...lines].map(csvLine).join('\n'), data };
    const widths = header.map((h, i) => Math.max(width(h), ...lines.map((l) => width(l[i] ?? ''))));
    const numeric = new Set([2, 3, 4, 5, 6, 7]);
    const render = (l: string[]) => l.map((c, i) => pad(c, widths[i] ?? 0, numeric.has(i))).join('  ').trimEnd();
    const notes = [
      `${def.name.zh}（${table.year} 年）/ ${def.name.en} (${table.year})`,
      `公式 / formula: ${def.formula.zh}`,
      `口径 / rule: ${def.rule.zh}`,
    ];
    if (rows.some((r) => r.denominatorIsEstimate)) notes.push('* 估算数，非官方数据 / estimate, not an official figure');
    return { message: [...notes, '', render(header), ...lines.map(render)].join('\n'), data };
  },
});
