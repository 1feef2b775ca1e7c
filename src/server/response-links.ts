import { MsalTokenProvider, type AuthConfiguration } from '@microsoft/agents-hosting';
import { join } from 'node:path';
import type { Deps } from '../application/deps.js';
import type { Mailer } from '../application/ports/mailer.js';
import {
  offerWebLink,
  type OfferWebLinkInput,
  type OfferWebLinkResult,
  type ResponseLinkDeps,
} from '../application/use-cases/response-links.js';
import { emailDigest } from '../application/use-cases/digest-email.js';
import { responseLinkRoutes } from '../adapters/http/response-link-routes.js';
import type { Route } from '../adapters/http/route.js';
import { HmacLinkTokens } from '../adapters/identity/link-tokens.js';
import { EmbeddedMailer } from '../adapters/mail/embedded-mailer.js';
import { GraphMailer } from '../adapters/mail/graph-mailer.js';
import type { Config } from './config.js';

export interface ResponseLinkService {
  deps: ResponseLinkDeps;
  /**
   * Offers someone Teams cannot reach the email-and-web route (the delivery worker calls it for
   * an `unreachable` card). Idempotent per recommendation and person while their link is open.
   */
  offer(input: OfferWebLinkInput): Promise<OfferWebLinkResult>;
  /** Emails a reminder digest Teams cannot deliver (with web links for responses due). */
  emailDigest(input: { deliveryKey: string; personId: string }): Promise<unknown>;
  routes: Route[];
}

/** The mailer MAIL chooses: the emailOutbox list (default) or Graph sendMail as MAIL_SENDER. */
function mailerFor(deps: Deps, config: Config, botAuth: AuthConfiguration): Mailer {
  const mail = config.responseLinks.mail;
  if (mail.kind === 'embedded') return new EmbeddedMailer(deps.repo, deps.now);
  const tokens = new MsalTokenProvider();
  return new GraphMailer({
    graphUrl: mail.graphUrl,
    sender: mail.sender,
    // The bot's own identity (a managed identity in Azure) with the Mail.Send application permission.
    // The SDK's provider takes a resource and adds "/.default" itself.
    token: () => tokens.getAccessToken(botAuth, mail.graphUrl),
  });
}

/** Wires the email-and-web response route: signer, mailer, routes. */
export function responseLinkService(
  deps: Deps,
  config: Config,
  botAuth: AuthConfiguration,
): ResponseLinkService {
  const { signingKey } = config.responseLinks;
  const linkDeps: ResponseLinkDeps = {
    ...deps,
    mailer: mailerFor(deps, config, botAuth),
    linkTokens: signingKey
      ? HmacLinkTokens.fromSecret(signingKey)
      : HmacLinkTokens.openLocal(join(config.dataDir, 'link-signing-key')),
    publicUrl: config.publicUrl,
  };
  return {
    deps: linkDeps,
    offer: (input) => offerWebLink(linkDeps, input),
    emailDigest: (input) => emailDigest(linkDeps, input),
    routes: responseLinkRoutes(linkDeps),
  };
}
