import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Tag } from 'antd';
import { useState } from 'react';
import { ChangePasswordModal } from '../auth/change-password-modal';
import { useSession, useSignedIn } from '../auth/session-context';
import { useI18n } from '../i18n/locale';

/** Who is signed in, as what and where; with change password and sign out. */
export function UserMenu() {
  const { t, label } = useI18n();
  const { viewer } = useSignedIn();
  const { signOut } = useSession();
  const [changingPassword, setChangingPassword] = useState(false);
  const place = viewer.tenant?.name ?? viewer.city?.name;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword'), onClick: () => setChangingPassword(true) },
            { type: 'divider' },
            { key: 'signOut', icon: <LogoutOutlined />, label: t('auth.signOut'), onClick: () => void signOut() },
          ],
        }}
      >
        <Button type="text" className="user-menu" data-testid="user-menu">
          <Space size={6}>
            <UserOutlined />
            <span data-testid="viewer-name">{viewer.displayName}</span>
            <Tag color="gold" data-testid="viewer-role">
              {label('role', viewer.role)}
            </Tag>
            {place && <span data-testid="viewer-place">{place}</span>}
            <DownOutlined />
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
