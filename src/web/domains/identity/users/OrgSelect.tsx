import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import { orgsApi } from '../../../app/endpoints';
import { useT } from '../../../app/i18n';
import { orgKindName } from '../../../app/labels';

interface Props extends Omit<SelectProps<string>, 'options' | 'showSearch'> {
  /** Label of the current value, so an edit form shows a name before any search. */
  currentLabel?: string;
}

/** Organisations found by name or USCC on the server (there may be thousands). */
export function OrgSelect({ currentLabel, value, ...props }: Props) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(h);
  }, [typed]);
  const found = useQuery({ queryKey: ['org-options', q], queryFn: () => orgsApi.list({ page: 1, pageSize: 20, q: q || undefined, status: 'active' }) });
  const options = (found.data?.items ?? []).map((o) => ({ value: o.id, label: t('users.orgOption', { name: o.name, kind: orgKindName(t, o.kind), area: o.areaName }) }));
  if (value && currentLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: currentLabel });
  return (
    <Select<string>
      {...props}
      value={value}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={found.isFetching}
      options={options}
      notFoundContent={found.isFetching ? t('common.loading') : t('common.noMatch')}
    />
  );
}
