import type { Move } from '../../domain/analytics/tier-migration';
import type { Lang } from './drill';

/** Moves as exports name them. */
export const MOVE_NAMES: Record<Lang, Record<Move, string>> = {
  'zh-CN': { up: '升级', down: '降级', stayed: '不变', new: '新进入', gone: '退出' },
  en: { up: 'Up', down: 'Down', stayed: 'Stayed', new: 'New', gone: 'Gone' },
};

/** "No tier" as exports name it. */
export const NO_TIER: Record<Lang, string> = { 'zh-CN': '无层级', en: 'No tier' };
