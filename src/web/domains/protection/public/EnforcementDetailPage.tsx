import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Result, Skeleton } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { publicEnforcementApi } from '../disclosure/api';
import { PublicRecordView } from '../disclosure/PublicRecordView';

/** One published decision, as published: a person's data masked, nothing of the internal records. */
export default function EnforcementDetailPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const result = useQuery({ queryKey: ['public-enforcement-one', id], queryFn: ({ signal }) => publicEnforcementApi.get(id, signal), enabled: valid, retry: false });

  useEffect(() => {
    document.title = `${result.data?.decisionNo ?? t('pub.enfTitle')} · ${t('app.name')}`;
  }, [t, result.data]);

  const back = (
    <Link to="/public/enforcement" className="xz-enf-back">
      <ArrowLeftOutlined aria-hidden /> {t('pub.enfBack')}
    </Link>
  );
  if (!valid || isNotFound(result.error)) {
    return <Result status="404" title={<h1 className="xz-enf-missing">{t('pub.enfNotFoundTitle')}</h1>} subTitle={t('pub.enfNotFound')} extra={back} />;
  }
  return (
    <>
      <div className="xz-enf-backbar">{back}</div>
      {result.isError ? (
        <Alert type="error" showIcon title={t('error.loadFailed')} description={errorText(result.error, t('error.unexpected'))} />
      ) : !result.data ? (
        <Card className="xz-public-card">
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <Card className="xz-public-card xz-enf-card">
          <PublicRecordView record={result.data} headingLevel={1} />
        </Card>
      )}
      <Alert type="info" showIcon className="xz-public-note" title={t('pub.enfPrivacyTitle')} description={t('pub.enfPrivacy')} />
    </>
  );
}
