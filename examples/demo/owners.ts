import type { Region } from './places';

export interface DemoOwner {
  username: string;
  displayName: string;
  roleId: 'account_manager' | 'sales_manager';
  region: Region;
}

/**
 * The demo sales organisation: account managers per region (more where there are more
 * customers) and two sales managers who also keep some key accounts themselves.
 */
export const DEMO_OWNERS: readonly DemoOwner[] = [
  { username: 'demo.am01', displayName: '陈静', roleId: 'account_manager', region: '华东' },
  { username: 'demo.am02', displayName: '王磊', roleId: 'account_manager', region: '华东' },
  { username: 'demo.am03', displayName: '李娜', roleId: 'account_manager', region: '华东' },
  { username: 'demo.am04', displayName: '张伟', roleId: 'account_manager', region: '华东' },
  { username: 'demo.am05', displayName: '刘洋', roleId: 'account_manager', region: '华南' },
  { username: 'demo.am06', displayName: '杨帆', roleId: 'account_manager', region: '华南' },
  { username: 'demo.am07', displayName: '赵敏', roleId: 'account_manager', region: '华南' },
  { username: 'demo.am08', displayName: '黄磊', roleId: 'account_manager', region: '华北' },
  { username: 'demo.am09', displayName: '周婷', roleId: 'account_manager', region: '华北' },
  { username: 'demo.am10', displayName: '吴强', roleId: 'account_manager', region: '华中' },
  { username: 'demo.am11', displayName: '徐丽', roleId: 'account_manager', region: '华中' },
  { username: 'demo.am12', displayName: '孙浩', roleId: 'account_manager', region: '西南' },
  { username: 'demo.am13', displayName: '马超', roleId: 'account_manager', region: '西北' },
  { username: 'demo.am14', displayName: '朱琳', roleId: 'account_manager', region: '东北' },
  { username: 'demo.sm01', displayName: '郑国华', roleId: 'sales_manager', region: '华东' },
  { username: 'demo.sm02', displayName: '林海燕', roleId: 'sales_manager', region: '华南' },
];
