import { Card, Col, Row, Statistic } from 'antd';
import type { FigureFieldsFragment } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { formatRate } from '../shared/format';

/** 整改率, counts and the three warning colours of the scope. */
export function FigureCards({ figures }: { figures: FigureFieldsFragment }) {
  const { t } = useI18n();
  const colours = figures.warningColours;
  return (
    <Row gutter={[16, 16]} className="block-gap" data-testid="figure-cards">
      <Col xs={12} lg={4}>
        <Card className="figure-card">
          <Statistic title={t('dashboard.rate')} value={formatRate(figures.rate)} valueStyle={{ color: '#b71c1c' }} data-testid="rate" />
        </Card>
      </Col>
      <Col xs={12} lg={4}>
        <Card className="figure-card">
          <Statistic title={t('dashboard.recorded')} value={figures.recorded} />
        </Card>
      </Col>
      <Col xs={12} lg={4}>
        <Card className="figure-card">
          <Statistic title={t('dashboard.verified')} value={figures.verified} data-testid="verified" />
        </Card>
      </Col>
      <Col xs={12} lg={4}>
        <Card className="figure-card">
          <Statistic title={t('dashboard.overdue')} value={figures.overdue} valueStyle={{ color: figures.overdue > 0 ? '#cf1322' : undefined }} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('dashboard.warnings')} size="small" className="figure-card" data-testid="warning-counts">
          <Row>
            <Col span={8}>
              <Statistic title={t('warning.RED')} value={colours.red} valueStyle={{ color: '#cf1322' }} />
            </Col>
            <Col span={8}>
              <Statistic title={t('warning.YELLOW')} value={colours.yellow} valueStyle={{ color: '#d48806' }} />
            </Col>
            <Col span={8}>
              <Statistic title={t('warning.GREEN')} value={colours.green} valueStyle={{ color: '#389e0d' }} />
            </Col>
          </Row>
        </Card>
      </Col>
    </Row>
  );
}
