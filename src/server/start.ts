import { loadAuthConfigFromEnv, CloudAdapter } from '@microsoft/agents-hosting';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deps } from '../application/deps.js';
import { createDocumentText } from '../adapters/documents/index.js';
import { createHttpApp } from '../adapters/http/app.js';
import { evidenceOpenApiPaths, evidenceRoutes } from '../adapters/http/evidence-routes.js';
import { exportOpenApiPaths, exportRouter } from '../adapters/http/export-routes.js';
import { xlsxWriter } from '../adapters/documents/xlsx-writer.js';
import { devRouter, LOCAL_ISSUER_PATH, LOCAL_JWKS_PATH } from '../adapters/http/dev-routes.js';
import { apiRoutes } from '../adapters/http/routes.js';
import { planRoutes } from '../adapters/http/plan-routes.js';
import { calendarRoutes } from '../adapters/http/calendar-routes.js';
import { slgRoutes } from '../adapters/http/slg-routes.js';
import { caseReviewRoutes } from '../adapters/http/case-review-routes.js';
import { reminderRoutes } from '../adapters/http/reminder-routes.js';
import { reportOpenApiPaths, reportRoutes } from '../adapters/http/report-routes.js';
import { docxReportRenderer } from '../adapters/documents/docx-report.js';
import { createHolidayCalendar } from '../adapters/holidays/index.js';
import { LOCAL_SCOPE, LocalIssuer } from '../adapters/identity/local-issuer.js';
import { entraValidatorConfig } from '../adapters/identity/entra-config.js';
import {
  createTokenValidator,
  type TokenValidatorConfig,
} from '../adapters/identity/token-validator.js';
import { createBot } from '../adapters/teams/bot.js';
import {
  LOCAL_BOT_APP_ID,
  localBotAuth,
  localConnections,
} from '../adapters/teams/local-bot-identity.js';
import { messagesEndpoint } from '../adapters/teams/messages-endpoint.js';
import { cardGateway, startDeliveryWorker } from './deliveries.js';
import { responseLinkService } from './response-links.js';
import { reminderSendWindow, startReminderScheduler } from './reminders.js';
import type { Config } from './config.js';
import { seedHarbourside } from './seed/harbourside.js';
import { openStore } from './store.js';
// Audit trail (issue #7): every write through the app is chained into CF Audit Trail.
import { AuditedRepository } from '../application/audited-repository.js';
import { sha256 } from '../adapters/audit/sha256.js';
import { auditRoutes } from '../adapters/http/audit-routes.js';
import { seedHarboursidePlan } from './seed/harbourside-plan.js';
import { seedHarboursideTracker } from './seed/harbourside-tracker.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const version = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
).version;

export interface RunningServer {
  url: string;
  deps: Deps;
  close(): Promise<void>;
}

/** The composition root: the one place where adapters are chosen and wired to the use cases. */
export async function startServer(config: Config): Promise<RunningServer> {
  mkdirSync(config.dataDir, { recursive: true });
  // STORE picks the system of record: the embedded file, or the SharePoint site's lists.
  const store = await openStore(config);
  // Audit trail: every write (the demo seed too, as `system`) is recorded and hash-chained. An
  // entry that cannot be appended is logged by name; `npm run audit:verify` then reports the gap.
  const repo = new AuditedRepository(store.repo, {
    hash: sha256,
    onAppendFailure: (f) =>
      console.error(
        `audit: entry not appended for ${f.itemList} ${f.itemId} version ${f.itemVersion} (${f.error})`,
      ),
  });
  if (config.seed === 'demo') {
    await seedHarbourside(repo);
    await seedHarboursidePlan(repo);
    await seedHarboursideTracker(repo);
  }

  // Local mode's issuer (stand-in for Entra and for the Bot Connector's signing); never in Entra mode.
  const issuer =
    config.auth.mode === 'local'
      ? await LocalIssuer.open(
          join(config.dataDir, 'local-issuer-key.json'),
          `${config.publicUrl}${LOCAL_ISSUER_PATH}`,
          'api://critical-friend-local',
        )
      : undefined;
  // The bot is never anonymous: locally (unless a bot app id is configured) it is the local
  // channel's, its tokens checked by the same SDK code as Teams'; otherwise the SDK's settings.
  const localBot = issuer && !config.botClientId ? issuer : undefined;
  const botAuth = localBot ? localBotAuth(localBot) : loadAuthConfigFromEnv();
  const adapter = new CloudAdapter(botAuth);
  if (localBot) adapter.connectionManager = localConnections(botAuth, localBot);
  // Entra mode refuses to start without one (config.ts), so the fallback is local mode's.
  const botAppId = botAuth.clientId ?? LOCAL_BOT_APP_ID;
  const deps: Deps = {
    repo,
    now: () => new Date(),
    cards: cardGateway(adapter, repo, config, botAuth, botAppId),
  };
  const responseLinks = responseLinkService(deps, config, botAuth);
  // England and Wales bank holidays for working-day clocks: the date-holidays rules, or GOV.UK.
  const holidays = createHolidayCalendar(config.holidaySource);
  // Whoever Teams cannot reach is emailed a signed, single-use link to respond on the web, and
  // their reminder digest by email; reminder digests wait for working hours.
  const worker = startDeliveryWorker(
    deps,
    config.delivery,
    (d) => (d.kind === 'digest' ? responseLinks.emailDigest(d) : responseLinks.offer(d)),
    reminderSendWindow(holidays, config.reminders),
  );
  const reminders = startReminderScheduler(deps, holidays, config.reminders, {
    onQueued: () => worker.nudge(),
    onError: (e) => console.error(`reminders: ${(e as Error)?.name ?? 'error'}`),
  });

  const [partnership] = await repo.all('partnerships');
  const partners = await repo.all('partners');
  let validator: TokenValidatorConfig;
  let allowedTenantIds: string[];
  if (issuer) {
    allowedTenantIds = [
      ...new Set(
        [partnership?.fields.tenantId, ...partners.map((p) => p.fields.homeTenantId)].filter(
          (t): t is string => !!t,
        ),
      ),
    ];
    validator = {
      jwksUrl: `${config.publicUrl}${LOCAL_JWKS_PATH}`,
      issuerTemplate: issuer.issuerTemplate,
      audience: issuer.audience,
      allowedTenantIds,
      requiredScope: LOCAL_SCOPE,
    };
  } else if (config.auth.mode === 'entra') {
    allowedTenantIds = config.auth.allowedTenantIds;
    // Entra's v2.0 keys, the issuer of each token's own tenant, and the tab's delegated scope.
    validator = entraValidatorConfig(config.auth);
  } else {
    throw new Error('Local mode without its issuer.');
  }

  const bot = createBot(deps, { allowedTenantIds, serviceUrls: config.botServiceUrls });
  // One validator for the API and the evidence upload and download routes.
  const validateToken = createTokenValidator(validator);
  const evidence = evidenceRoutes(deps, {
    store: store.evidence,
    documents: createDocumentText(),
    validateToken,
  });
  // The yearly statement: rendered as Word, frozen at sign-off in the evidence store.
  const reports = reportRoutes(deps, {
    evidence: store.evidence,
    renderer: docxReportRenderer,
    holidays,
    rules: config.ragRules,
    validateToken,
  });
  const app = createHttpApp({
    deps,
    routes: [
      ...apiRoutes(deps, { deliveries: worker, ragRules: config.ragRules }),
      ...planRoutes(deps),
      ...calendarRoutes(holidays),
      ...reminderRoutes(deps, holidays, config.reminders.policy),
      ...slgRoutes(deps),
      ...caseReviewRoutes(deps, holidays),
      ...responseLinks.routes,
      ...evidence.routes,
      ...reports.routes,
      ...auditRoutes(deps, sha256),
    ],
    validateToken,
    openApiPaths: { ...evidenceOpenApiPaths, ...reportOpenApiPaths, ...exportOpenApiPaths },
    authConfig:
      config.auth.mode === 'local'
        ? { mode: 'local' }
        : {
            mode: 'entra',
            clientId: config.auth.clientId,
            tenantId: config.auth.tenantId,
            authority: config.auth.authority,
            scope: config.auth.scope,
          },
    tabDir: join(root, 'dist/tab'),
    version,
    // Security headers, who may frame the tab, per-person and per-address rate limits.
    security: config.security,
    mount: (http) => {
      // The SDK's JWT checks (issuers on), then the activity's serviceUrl against
      // BOT_SERVICE_URLS and the token's serviceurl claim, before anything is processed.
      http.post(
        '/api/messages',
        ...messagesEndpoint({
          auth: botAuth,
          serviceUrls: config.botServiceUrls,
          handle: (req, res) => adapter.process(req, res, (ctx) => bot.run(ctx)),
        }),
      );
      http.use(evidence.router);
      http.use(reports.router);
      // Excel exports of the tracker and of inspection packs (evidence links on PUBLIC_URL).
      http.use(
        exportRouter(deps, {
          validateToken,
          writer: xlsxWriter,
          evidence: store.evidence,
          publicUrl: config.publicUrl,
          rules: config.ragRules,
        }),
      );
      if (issuer) http.use(devRouter(deps, issuer, botAppId));
    },
  });

  const server: Server = await new Promise((ok) => {
    const s = app.listen(config.port, config.host, () => ok(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    deps,
    close: () =>
      new Promise((done) => {
        server.close(() => {
          void Promise.all([reminders.stop(), worker.stop()]).finally(() => {
            store.close();
            done();
          });
        });
        server.closeAllConnections();
      }),
  };
}
