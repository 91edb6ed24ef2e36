import { Space } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Segment } from '../../../app/api-types';
import { Highlight } from './Highlight';

interface HitProps {
  to: string;
  /** The title with the search words marked; `fallback` when the server sent no pieces. */
  title: readonly Segment[];
  fallback: string;
  tags: ReactNode;
  /** The facts, as HitField. */
  children: ReactNode;
  /** Below the facts (the abstract around the hit). */
  after?: ReactNode;
}

/** One search result: the highlighted title linking to the record, its tags, its facts. */
export function Hit({ to, title, fallback, tags, children, after }: HitProps) {
  return (
    <article className="xz-hit">
      <h3 className="xz-hit-title">
        <Link to={to}>
          <Highlight segments={title} fallback={fallback} />
        </Link>
      </h3>
      <Space size={[6, 4]} wrap className="xz-hit-tags">
        {tags}
      </Space>
      <dl className="xz-hit-meta">{children}</dl>
      {after}
    </article>
  );
}

/** One fact of a result: its name and value; a `wide` one takes the whole row. */
export function HitField({ label, wide, className, children }: { label: ReactNode; wide?: boolean; className?: string; children: ReactNode }) {
  return (
    <div className={wide ? 'xz-hit-wide' : undefined}>
      <dt>{label}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}
