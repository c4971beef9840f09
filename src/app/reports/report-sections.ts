import type { ReportSection } from './report-section';
import { clvSection } from './sections/clv.section';
import { headlineSection } from './sections/headline.section';
import { lifecycleSection } from './sections/lifecycle.section';
import { rfmSection } from './sections/rfm.section';
import { serviceSection } from './sections/service.section';
import { tiersSection } from './sections/tiers.section';
import { valueSection } from './sections/value.section';

/** The sections of every report, in the order they are shown. */
export const REPORT_SECTIONS: readonly ReportSection[] = [
  headlineSection,
  valueSection,
  tiersSection,
  rfmSection,
  lifecycleSection,
  clvSection,
  serviceSection,
];
