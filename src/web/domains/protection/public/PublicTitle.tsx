import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** The one h1 of a public page, with a plain-language line on what the page is for. */
export function PublicTitle({ title, intro }: { title: string; intro?: ReactNode }) {
  return (
    <div className="xz-public-title">
      <Typography.Title level={1}>{title}</Typography.Title>
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
    </div>
  );
}
