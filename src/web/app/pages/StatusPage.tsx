import { Result } from 'antd';
import { useT } from '../i18n';
import { LinkButton } from '../ui/LinkButton';
import { PageHeader } from '../ui/PageHeader';

/** A whole-page answer with a way home: 404 for unknown addresses, 403 for pages the role may not use. */
export function StatusPage({ status }: { status: 403 | 404 }) {
  const t = useT();
  const key = status === 403 ? 'forbidden' : 'notFound';
  return (
    <>
      <PageHeader title={t(`${key}.title`)} />
      <Result
        status={status === 403 ? '403' : '404'}
        title={String(status)}
        subTitle={t(`${key}.hint`)}
        extra={
          <LinkButton type="primary" to="/">
            {t('common.backHome')}
          </LinkButton>
        }
      />
    </>
  );
}

export const ForbiddenPage = () => <StatusPage status={403} />;
export const NotFoundPage = () => <StatusPage status={404} />;
