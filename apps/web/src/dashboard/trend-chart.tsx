import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { RectificationTrendQuery } from '../generated/graphql';
import { useI18n } from '../i18n/locale';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type TrendPoint = RectificationTrendQuery['rectificationTrend'][number];

/** 月度整改趋势: findings recorded and signed off per month end (bars) and the rate (line). */
export default function TrendChart({ points }: { points: TrendPoint[] }) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('dashboard.recorded'), t('dashboard.verified'), t('dashboard.rate')] },
      grid: { left: 48, right: 56, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: points.map((point) => point.month) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { name: t('dashboard.recorded'), type: 'bar', data: points.map((point) => point.recorded), itemStyle: { color: '#bfbfbf' } },
        { name: t('dashboard.verified'), type: 'bar', data: points.map((point) => point.verified), itemStyle: { color: '#52c41a' } },
        { name: t('dashboard.rate'), type: 'line', yAxisIndex: 1, smooth: true, data: points.map((point) => (point.rate === null ? null : Math.round(point.rate * 1000) / 10)), itemStyle: { color: '#b71c1c' } },
      ],
    });
    const resize = (): void => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, t]);
  return <div ref={element} style={{ height: 320 }} data-testid="trend-chart" />;
}
