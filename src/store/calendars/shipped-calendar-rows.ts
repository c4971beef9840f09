import {
  alwaysOpenCalendar,
  type BusinessCalendar,
  chinaMainlandCalendar,
} from '../../domain/calendar';

/** The calendars the product ships, by key: inserted by migration 0016, restored by "reset". */
export function shippedCalendars(): { key: string; document: BusinessCalendar }[] {
  return [
    { key: 'cn-mainland', document: chinaMainlandCalendar() },
    { key: '24x7', document: alwaysOpenCalendar('Asia/Shanghai') },
  ];
}

/** True when `key` names a shipped calendar. */
export function isShippedKey(key: string): boolean {
  return key === 'cn-mainland' || key === '24x7';
}
