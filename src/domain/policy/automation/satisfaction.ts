import { monthBefore } from './calendar';
import { type Firing, firing, round } from './firing';
import type { RuleParams } from './rule-catalog';

/** Survey responses of a window of months: how many and the sum of their scores. */
export interface SurveyWindow {
  responses: number;
  scoreSum: number;
}

export interface MonthSpan {
  from: string;
  to: string;
}

export interface SatisfactionEvidence {
  window: MonthSpan;
  average: number;
  responses: number;
  previousWindow: MonthSpan;
  previousAverage: number | null;
  previousResponses: number;
  threshold: number;
  fallingBy: number;
  reasons: ('below_threshold' | 'falling')[];
}

/** The current and previous windows of `windowMonths` whole months ending with today's month. */
export function satisfactionWindows(today: string, windowMonths: number) {
  return {
    current: { from: monthBefore(today, windowMonths - 1), to: monthBefore(today, 0) },
    previous: {
      from: monthBefore(today, 2 * windowMonths - 1),
      to: monthBefore(today, windowMonths),
    },
  };
}

/**
 * Early warning on satisfaction: the average survey score of the current window is below the
 * threshold, or has fallen by `fallingBy` or more from the window before. A window needs
 * `minResponses` answers to count. One warning per customer and month.
 */
export function evaluateSatisfaction(
  customerId: number,
  current: SurveyWindow,
  previous: SurveyWindow,
  today: string,
  params: RuleParams['satisfaction'],
): Firing<SatisfactionEvidence> | null {
  if (current.responses < params.minResponses || current.responses === 0) return null;
  const avg = current.scoreSum / current.responses;
  const hasPrev = previous.responses >= params.minResponses && previous.responses > 0;
  const prevAvg = hasPrev ? previous.scoreSum / previous.responses : null;
  const reasons: SatisfactionEvidence['reasons'] = [];
  if (avg < params.threshold) reasons.push('below_threshold');
  // A small tolerance so that 4.0 → 3.0 counts as "fallen by 1" despite float sums.
  if (prevAvg !== null && prevAvg - avg >= params.fallingBy - 1e-9) reasons.push('falling');
  if (reasons.length === 0) return null;
  const w = satisfactionWindows(today, params.windowMonths);
  return firing('satisfaction', customerId, w.current.to, {
    window: w.current,
    average: round(avg),
    responses: current.responses,
    previousWindow: w.previous,
    previousAverage: prevAvg === null ? null : round(prevAvg),
    previousResponses: previous.responses,
    threshold: params.threshold,
    fallingBy: params.fallingBy,
    reasons,
  });
}
