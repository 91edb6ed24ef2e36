import { Card, Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { EstimateTag } from '../../app/ui/EstimateTag';
import { LoadError } from '../../app/ui/States';
import { areaLabel, isCountyLevel } from '../regions/areaText';
import { PopulationBarChart } from '../regions/PopulationBarChart';
import { EstimateFootnote } from '../regions/PopulationCell';
import { useAreas } from '../regions/queries';

/** Officers' overview: the city total with its source and each county's latest figure. */
export function PopulationPanel() {
  const { t, lang } = useI18n();
  const areas = useAreas();
  if (areas.isError) return <LoadError error={areas.error} onRetry={() => areas.refetch()} />;
  if (!areas.data) return <Card><Skeleton active /></Card>;

  const city = areas.data.find((a) => a.kind === 'city');
  const counties = areas.data.filter(isCountyLevel);
  const missing = counties.filter((a) => !a.latest);
  const estimated = counties.filter((a) => a.latest?.isEstimate).length;

  return (
    <Card title={t('home.populationTitle')} extra={<Link to="/areas">{t('home.allAreas')}</Link>}>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={6}>
          {city?.latest ? (
            <Space orientation="vertical" size={4}>
              <Statistic
                title={t('home.cityTotal', { name: areaLabel(city, lang), year: city.latest.year })}
                value={city.latest.population}
                groupSeparator=","
                suffix={city.latest.isEstimate ? <EstimateTag /> : undefined}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('home.source')}
                {city.latest.source}
              </Typography.Text>
              {city.latest.note && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {city.latest.note}
                </Typography.Text>
              )}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('pop.none')}</Typography.Text>
          )}
        </Col>
        <Col xs={24} lg={18}>
          <PopulationBarChart areas={areas.data} />
        </Col>
      </Row>
      {estimated > 0 && <EstimateFootnote />}
      {missing.length > 0 && (
        <p className="xz-footnote">{t('home.missingFigures', { names: missing.map((a) => areaLabel(a, lang)).join(lang === 'zh' ? '、' : ', ') })}</p>
      )}
    </Card>
  );
}
