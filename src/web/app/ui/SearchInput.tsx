import { SearchOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import type { ComponentProps } from 'react';
import { useT } from '../i18n';

/** Input.Search whose icon-only button has a name for screen readers. */
export function SearchInput(props: Omit<ComponentProps<typeof Input.Search>, 'enterButton'>) {
  const t = useT();
  return <Input.Search {...props} enterButton={<Button icon={<SearchOutlined />} aria-label={t('common.search')} />} />;
}
