import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { ApolloProvider, useQuery } from '@apollo/client/react';
import { App as AntApp, ConfigProvider, Descriptions, Layout, Result, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';

const client = new ApolloClient({
  link: new HttpLink({ uri: '/graphql' }),
  cache: new InMemoryCache(),
});

const SYSTEM_STATUS = gql`
  query SystemStatus {
    systemStatus {
      version
      serverTime
      migrationsApplied
    }
  }
`;

interface SystemStatusData {
  systemStatus: { version: string; serverTime: string; migrationsApplied: number };
}

function SystemStatusPanel() {
  const { data, loading, error } = useQuery<SystemStatusData>(SYSTEM_STATUS);
  if (loading) return <Spin />;
  if (error || !data) return <Result status="error" title="无法连接服务" subTitle={error?.message} />;
  return (
    <Descriptions title="系统状态" bordered column={1} data-testid="system-status">
      <Descriptions.Item label="版本">{data.systemStatus.version}</Descriptions.Item>
      <Descriptions.Item label="服务器时间">{new Date(data.systemStatus.serverTime).toLocaleString('zh-CN')}</Descriptions.Item>
      <Descriptions.Item label="数据库迁移">{data.systemStatus.migrationsApplied}</Descriptions.Item>
    </Descriptions>
  );
}

export function App() {
  return (
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <ApolloProvider client={client}>
          <Layout style={{ minHeight: '100vh' }}>
            <Layout.Header>
              <Typography.Title level={4} style={{ color: '#fff', margin: '16px 0' }}>
                责任链 · 意识形态工作责任制
              </Typography.Title>
            </Layout.Header>
            <Layout.Content style={{ padding: 24 }}>
              <SystemStatusPanel />
            </Layout.Content>
          </Layout>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
