import accountsEn from './accounts.en.json';
import accountsZh from './accounts.zh-CN.json';
import analyticsEn from './analytics.en.json';
import analyticsZh from './analytics.zh-CN.json';
import analyticsBehaviourEn from './analytics-behaviour.en.json';
import analyticsBehaviourZh from './analytics-behaviour.zh-CN.json';
import analyticsTiersEn from './analytics-tiers.en.json';
import analyticsTiersZh from './analytics-tiers.zh-CN.json';
import analyticsValueEn from './analytics-value.en.json';
import analyticsValueZh from './analytics-value.zh-CN.json';
import auditEn from './audit.en.json';
import auditZh from './audit.zh-CN.json';
import automationEn from './automation.en.json';
import automationZh from './automation.zh-CN.json';
import calendarsEn from './calendars.en.json';
import calendarsZh from './calendars.zh-CN.json';
import clvEn from './clv.en.json';
import clvZh from './clv.zh-CN.json';
import baseEn from './en.json';
import feedbackEn from './feedback.en.json';
import feedbackZh from './feedback.zh-CN.json';
import frontlineEn from './frontline.en.json';
import frontlineZh from './frontline.zh-CN.json';
import policyEn from './policy.en.json';
import policyZh from './policy.zh-CN.json';
import portraitEn from './portrait.en.json';
import portraitZh from './portrait.zh-CN.json';
import reportsEn from './reports.en.json';
import reportsZh from './reports.zh-CN.json';
import rolesEn from './roles.en.json';
import rolesZh from './roles.zh-CN.json';
import scopesEn from './scopes.en.json';
import scopesZh from './scopes.zh-CN.json';
import securityEn from './security.en.json';
import securityZh from './security.zh-CN.json';
import serviceEn from './service.en.json';
import serviceZh from './service.zh-CN.json';
import serviceKpiEn from './service-kpi.en.json';
import serviceKpiZh from './service-kpi.zh-CN.json';
import slaEn from './sla.en.json';
import slaZh from './sla.zh-CN.json';
import webhooksEn from './webhooks.en.json';
import webhooksZh from './webhooks.zh-CN.json';
import baseZh from './zh-CN.json';

// Each capability keeps its messages in a file of its own under one top-level key, so pages
// added side by side never edit the same file; the UI sees one merged message tree.

/** Every Chinese message (the default language; keys are typed against this tree). */
export const zhCN = {
  ...baseZh,
  ...policyZh,
  ...frontlineZh,
  ...automationZh,
  ...webhooksZh,
  ...accountsZh,
  ...serviceZh,
  ...calendarsZh,
  ...slaZh,
  ...feedbackZh,
  ...serviceKpiZh,
  ...analyticsZh,
  ...analyticsValueZh,
  ...analyticsBehaviourZh,
  ...analyticsTiersZh,
  ...clvZh,
  ...reportsZh,
  ...portraitZh,
  ...securityZh,
  ...auditZh,
  ...scopesZh,
  ...rolesZh,
};

/** Every English message, with the same keys as the Chinese tree. */
export const en = {
  ...baseEn,
  ...policyEn,
  ...frontlineEn,
  ...automationEn,
  ...webhooksEn,
  ...accountsEn,
  ...serviceEn,
  ...calendarsEn,
  ...slaEn,
  ...feedbackEn,
  ...serviceKpiEn,
  ...analyticsEn,
  ...analyticsValueEn,
  ...analyticsBehaviourEn,
  ...analyticsTiersEn,
  ...clvEn,
  ...reportsEn,
  ...portraitEn,
  ...securityEn,
  ...auditEn,
  ...scopesEn,
  ...rolesEn,
};
