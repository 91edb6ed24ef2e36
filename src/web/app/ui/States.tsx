import { Alert, Button, Empty, Result } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../errors';
import { useT } from '../i18n';
import { LinkButton } from './LinkButton';

/** A 404 from the API on a record page: the record does not exist or lies outside the user's scope. */
export function RecordNotFound({ backTo, backLabel }: { backTo: string; backLabel: string }) {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('record.notFoundTitle')}
      subTitle={t('record.notFoundHint')}
      extra={
        <LinkButton type="primary" to={backTo}>
          {backLabel}
        </LinkButton>
      }
    />
  );
}

/** A failed load, with the server's message and a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={t('error.loadFailed')}
      description={errorText(error, t('error.unexpected'))}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}

export function EmptyState({ description, action }: { description: ReactNode; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {action}
    </Empty>
  );
}
