import { FilterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Form } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { useCompact } from './responsive';

/**
 * The filter row above a list: inline on wide screens; on phones folded behind a button (showing how
 * many filters are on), stacked with labels above when open.
 */
export function FilterBar({ children, active = 0, onReset }: { children: ReactNode; active?: number; onReset?: () => void }) {
  const t = useT();
  const compact = useCompact();
  const [open, setOpen] = useState(false);
  const id = useId();
  const form = (
    <Form id={id} layout={compact ? 'vertical' : 'inline'} className="xz-filters" role="search" aria-label={t('common.filters')}>
      {children}
      {active > 0 && onReset && (
        <Form.Item>
          <Button icon={<ReloadOutlined />} onClick={onReset}>
            {t('common.reset')}
          </Button>
        </Form.Item>
      )}
    </Form>
  );
  if (!compact) return form;
  return (
    <>
      <Badge count={active} size="small" offset={[-4, 4]}>
        <Button icon={<FilterOutlined />} aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)} style={{ marginBottom: 12 }}>
          {t('common.filters')}
        </Button>
      </Badge>
      {open && form}
    </>
  );
}
