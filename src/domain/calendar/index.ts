export * from './business-time';
export * from './calendar.schema';
export * from './calendar-errors';
export * from './ical-export';
export * from './ical-import';
export * from './pauses';
export * from './shipped-calendars';
