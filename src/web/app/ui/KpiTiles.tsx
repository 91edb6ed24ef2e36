import { Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { formatNumber } from '../format';

export interface Kpi {
  key: string;
  label: string;
  value: number | string;
  note?: string;
  /** Where a click goes (the filtered list); none for a figure the list cannot filter by. */
  to?: string;
  tone?: 'danger' | 'warn';
}

/** A row of figure tiles; each that can be opened links to the records it counts. */
export function KpiTiles({ kpis, className }: { kpis: readonly Kpi[]; className?: string }) {
  return (
    <div className={`xz-kpis${className ? ` ${className}` : ''}`}>
      {kpis.map((k) => {
        const body = (
          <>
            <Statistic title={k.label} value={k.value} formatter={(v) => (typeof v === 'number' ? formatNumber(v) : v)} />
            {k.note && (
              <Typography.Text type="secondary" className="xz-kpi-note">
                {k.note}
              </Typography.Text>
            )}
          </>
        );
        const cls = `xz-kpi${k.tone ? ` xz-kpi-${k.tone}` : ''}${k.to ? '' : ' xz-kpi-static'}`;
        return k.to ? (
          <Link key={k.key} to={k.to} className={cls} data-kpi={k.key} aria-label={`${k.label}: ${k.value}`}>
            {body}
          </Link>
        ) : (
          <div key={k.key} className={cls} data-kpi={k.key}>
            {body}
          </div>
        );
      })}
    </div>
  );
}
