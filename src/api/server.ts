import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Deps } from '../app/deps';
import { securityOf } from '../config';
import { packageRoot } from '../package-root';
import { type RouteRecord, registerAccessControl } from './access';
import { registerCustomerScopeGuard } from './customer-scope-guard';
import { registerErrorHandler } from './errors';
import { registerInputGuards } from './input-guards';
import { accountRoutes } from './routes/accounts.routes';
import { analyticsRoutes } from './routes/analytics.routes';
import { analyticsBehaviourRoutes } from './routes/analytics-behaviour.routes';
import { analyticsTierRoutes } from './routes/analytics-tiers.routes';
import { analyticsValueRoutes } from './routes/analytics-value.routes';
import { auditRoutes } from './routes/audit.routes';
import { authRoutes } from './routes/auth.routes';
import { automationRoutes } from './routes/automation.routes';
import { calendarRoutes } from './routes/calendars.routes';
import { clvRoutes } from './routes/clv.routes';
import { contactRoutes } from './routes/contacts.routes';
import { customFieldRoutes } from './routes/custom-fields.routes';
import { customerRoutes } from './routes/customers.routes';
import { entitlementRoutes } from './routes/entitlements.routes';
import { exportRoutes } from './routes/export.routes';
import { factRoutes } from './routes/facts.routes';
import { feedbackRoutes } from './routes/feedback.routes';
import { frontlineRoutes } from './routes/frontline.routes';
import { healthRoutes } from './routes/health.routes';
import { importRoutes } from './routes/import.routes';
import { jobRoutes } from './routes/jobs.routes';
import { lifecycleRoutes } from './routes/lifecycle.routes';
import { notificationRoutes } from './routes/notifications.routes';
import { orderRoutes } from './routes/orders.routes';
import { policyRoutes } from './routes/policies.routes';
import { portraitRoutes } from './routes/portrait.routes';
import { reportRoutes } from './routes/reports.routes';
import { reviewRoutes } from './routes/review.routes';
import { roleRoutes } from './routes/roles.routes';
import { serviceKpiRoutes } from './routes/service-kpis.routes';
import { slaRoutes } from './routes/sla.routes';
import { ticketRoutes } from './routes/tickets.routes';
import { tieringRoutes } from './routes/tiering.routes';
import { apiTokenRoutes } from './routes/tokens.routes';
import { ownerRoutes, userRoutes } from './routes/users.routes';
import { webhookRoutes } from './routes/webhooks.routes';
import { registerSecurityPlugins } from './security-plugins';

export interface ServerOptions {
  /** pino logger options, or false for none (tests). */
  logger?: boolean | { level: string };
  /** Folder of the built web UI; served at / when it exists. */
  webDir?: string;
}

export interface Server {
  app: FastifyInstance;
  /** Every registered route and the access it declared (for the deny-by-default test). */
  routes: RouteRecord[];
}

/** Default location of the built web UI (vite build output). */
export const DEFAULT_WEB_DIR = join(packageRoot(), 'dist/web');

/** Builds the HTTP server: API, OpenAPI docs, and the web UI. */
export async function buildServer(deps: Deps, opts: ServerOptions = {}): Promise<Server> {
  const app = Fastify({
    logger: opts.logger ?? { level: deps.config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: securityOf(deps.config).trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  registerErrorHandler(app);
  registerInputGuards(app);
  await registerSecurityPlugins(app, deps);
  await app.register(fastifyCookie);
  const routes = registerAccessControl(app, deps);
  registerCustomerScopeGuard(app, deps);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Tierdesk API',
        description:
          'Customer tiering and tiered service. Sign in with POST /api/auth/login; send the ' +
          'x-csrf-token header (from GET /api/auth/me) on every write made with the cookie. ' +
          'Integrations send an API token as Authorization: Bearer tdk_… instead (no CSRF token).',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'td_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (tdk_…)' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiHooks: {},
  });

  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(customerRoutes(deps));
  await app.register(contactRoutes(deps));
  await app.register(customFieldRoutes(deps));
  await app.register(factRoutes(deps));
  await app.register(exportRoutes(deps));
  await app.register(importRoutes(deps));
  await app.register(userRoutes(deps));
  await app.register(ownerRoutes(deps));
  await app.register(tieringRoutes(deps));
  await app.register(reviewRoutes(deps));
  await app.register(lifecycleRoutes(deps));
  await app.register(notificationRoutes(deps));
  await app.register(analyticsRoutes(deps));
  await app.register(analyticsValueRoutes(deps));
  await app.register(analyticsBehaviourRoutes(deps));
  await app.register(analyticsTierRoutes(deps));
  await app.register(clvRoutes(deps));
  await app.register(reportRoutes(deps));
  await app.register(portraitRoutes(deps));
  await app.register(jobRoutes(deps));
  await app.register(accountRoutes(deps));
  await app.register(automationRoutes(deps));
  await app.register(entitlementRoutes(deps));
  await app.register(frontlineRoutes(deps));
  await app.register(orderRoutes(deps));
  await app.register(policyRoutes(deps));
  await app.register(webhookRoutes(deps));
  await app.register(calendarRoutes(deps));
  await app.register(slaRoutes(deps));
  await app.register(ticketRoutes(deps));
  await app.register(feedbackRoutes(deps));
  await app.register(serviceKpiRoutes(deps));
  await app.register(apiTokenRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(roleRoutes(deps));

  const webDir = opts.webDir ?? DEFAULT_WEB_DIR;
  registerWeb(app, webDir);
  return { app, routes };
}

/** Serves the single-page app: files when they exist, index.html for client routes. */
function registerWeb(app: FastifyInstance, webDir: string): void {
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) app.register(fastifyStatic, { root: webDir, serve: false });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (req, reply) => {
    const path = (req.params as { '*': string })['*'] ?? '';
    if (path.startsWith('api/')) {
      return reply.status(404).send({
        error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url}`, details: {} },
      });
    }
    if (!hasWeb) {
      return reply
        .type('text/plain')
        .send('The web UI is not built. Run `npm run build:web`, or use `npm start`.');
    }
    const file = join(webDir, path);
    if (path && !path.includes('..') && existsSync(file) && !file.endsWith('/')) {
      const immutable = path.startsWith('assets/');
      return reply
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(path);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
