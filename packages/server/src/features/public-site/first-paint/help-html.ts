import type { CrisisResource, CrisisResources } from '@undercurrent/clinical';
import { escapeHtml } from './escape-html.js';
import { pageHtml } from './first-paint-html.js';
import { firstPaintStrings } from './first-paint-strings.js';

/**
 * The markup of `/help` (the web app's HelpPage and its ResourceCard, signed out): the emergency line
 * and the other lines of the practice, each with a call, text or website link a phone can follow
 * without any script. Every value is escaped, and a link is only made of an address the app would
 * also offer (tel:, sms:, http(s):). Ids differ from the app's, which sits hidden beside it.
 */
const s = firstPaintStrings.help;

function actionLabel(resource: CrisisResource): string | null {
  const href = resource.href;
  if (!href) return null;
  if (href.startsWith('tel:')) return s.call(resource.name);
  if (href.startsWith('sms:')) return s.text(resource.name);
  if (href.startsWith('https:') || href.startsWith('http:')) return s.visit(resource.name);
  return null;
}

function cardHtml(resource: CrisisResource, emphasis: boolean): string {
  const label = actionLabel(resource);
  const when = resource.availability ? `<p class="crisis-when">${escapeHtml(resource.availability)}</p>` : '';
  const button = emphasis ? 'button button-danger crisis-link' : 'button button-primary crisis-link';
  const link =
    label && resource.href ? `<a class="${button}" href="${escapeHtml(resource.href)}">${escapeHtml(label)}</a>` : '';
  return (
    `<li class="${emphasis ? 'crisis-card crisis-card-emergency' : 'crisis-card'}">` +
    `<h3 class="crisis-name">${escapeHtml(resource.name)}</h3><p class="crisis-action">${escapeHtml(resource.action)}</p>` +
    `${when}${link}</li>`
  );
}

export function helpHtml(lines: CrisisResources): string {
  const emergency =
    `<section aria-labelledby="server-help-emergency"><h2 id="server-help-emergency">${s.emergencyHeading}</h2>` +
    `<ul class="crisis-list crisis-list-emergency">${cardHtml(lines.emergency, true)}</ul></section>`;
  const others =
    lines.resources.length > 0
      ? `<section aria-labelledby="server-help-talk"><h2 id="server-help-talk">${s.otherHeading}</h2>` +
        `<ul class="crisis-list">${lines.resources.map((r) => cardHtml(r, false)).join('')}</ul></section>`
      : '';
  const body =
    `${emergency}${others}<p class="help-note">${escapeHtml(s.therapistNote)}</p>` +
    `<p><a href="/sign-in">${s.backToSignIn}</a></p>`;
  return pageHtml(s.title, body, s.lead);
}
