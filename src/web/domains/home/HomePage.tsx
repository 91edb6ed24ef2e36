import { Col, Row } from 'antd';
import { useI18n } from '../../app/i18n';
import { useSession, useUser } from '../../app/session';
import { PageHeader } from '../../app/ui/PageHeader';
import { PopulationPanel } from './PopulationPanel';
import { QuickLinks } from './QuickLinks';
import { RegistryPanel } from './RegistryPanel';
import { SecurityStatus } from './SecurityStatus';
import { Welcome } from './Welcome';

/** 工作台: who you are, how safe your account is, the population overview for officers, what you can do. */
export default function HomePage() {
  const { t } = useI18n();
  const user = useUser();
  const { can } = useSession();
  const officer = can('population.edit');
  return (
    <>
      <PageHeader title={t('nav.home')} docTitle={t('nav.home')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={officer ? 14 : 12}>
          <Welcome user={user} />
        </Col>
        <Col xs={24} xl={officer ? 10 : 12}>
          <SecurityStatus />
        </Col>
        {can('registry.read') && (
          <Col span={24}>
            <RegistryPanel />
          </Col>
        )}
        {officer && (
          <Col span={24}>
            <PopulationPanel />
          </Col>
        )}
        <Col span={24}>
          <QuickLinks />
        </Col>
      </Row>
    </>
  );
}
