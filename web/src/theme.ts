import type { ThemeConfig } from 'antd';

/** One brand colour and a font stack that renders Chinese well on every desktop. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1668dc',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', " +
      "'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerHeight: 56, siderBg: '#0f1f3d', triggerBg: '#0b1730' },
    Menu: { darkItemBg: '#0f1f3d', darkSubMenuItemBg: '#0b1730' },
  },
};

/** The theme, without antd's motion when the user prefers reduced motion. */
export function themeFor(reducedMotion: boolean): ThemeConfig {
  return reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme;
}
