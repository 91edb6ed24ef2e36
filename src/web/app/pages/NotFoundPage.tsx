import { Result } from 'antd';
import { useT } from '../i18n';
import { LinkButton } from '../ui/LinkButton';
import { PageHeader } from '../ui/PageHeader';

export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Result
        status="404"
        title="404"
        subTitle={t('notFound.hint')}
        extra={
          <LinkButton type="primary" to="/">
            {t('common.backHome')}
          </LinkButton>
        }
      />
    </>
  );
}
