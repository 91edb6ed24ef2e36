import { Result } from 'antd';
import { useT } from '../i18n';
import { LinkButton } from '../ui/LinkButton';
import { PageHeader } from '../ui/PageHeader';

export function ForbiddenPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('forbidden.title')} />
      <Result
        status="403"
        title="403"
        subTitle={t('forbidden.hint')}
        extra={
          <LinkButton type="primary" to="/">
            {t('common.backHome')}
          </LinkButton>
        }
      />
    </>
  );
}
