import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../i18n';

interface Props {
  title: ReactNode;
  /** Plain text for the browser tab when the title is not a string. */
  docTitle?: string;
  subtitle?: ReactNode;
  tags?: ReactNode;
  extra?: ReactNode;
  /** Where the back arrow goes (a list page). */
  back?: string;
}

/** The same header on every page: one h1, an optional back link, the page's main actions. */
export function PageHeader({ title, docTitle, subtitle, tags, extra, back }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const text = docTitle ?? (typeof title === 'string' ? title : '');

  useEffect(() => {
    document.title = text ? `${text} · ${t('app.name')}` : t('app.fullTitle');
  }, [text, t]);

  return (
    <div className="xz-page-header">
      <Flex gap={8} align="center" wrap="wrap" className="xz-page-header-main">
        {back && <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} onClick={() => navigate(back)} />}
        <Typography.Title level={1} className="xz-page-title">
          {title}
        </Typography.Title>
        {tags}
        {extra && <div className="xz-page-actions">{extra}</div>}
      </Flex>
      {subtitle && <Typography.Paragraph type="secondary" className="xz-page-subtitle">{subtitle}</Typography.Paragraph>}
    </div>
  );
}
