import type { Contact, PublicProfile } from '../public-site-schemas.js';
import { escapeHtml } from './escape-html.js';
import { firstPaintStrings as s } from './first-paint-strings.js';

/**
 * The markup of a public page's first paint: the app's frame (AppShell) around the practice's frame
 * (SiteLayout), with the same elements and classes as the web app, so the page looks the same before
 * and after the app takes over. Every value from the database is escaped here.
 */
export interface SiteFrame {
  slug: string;
  name: string;
  /** Where the practice's home is: `/` on a one-practice instance's root, else `/p/<slug>`. */
  homePath: string;
  pages: { slug: string; title: string }[];
  contact: Contact;
  /** The path being shown, to mark the current navigation link. */
  current: string;
  /** A demo instance: the app's banner says so at the top of every page. */
  demo: boolean;
}

function navLink(href: string, label: string, current: string): string {
  const here = href === current ? ' aria-current="page" class="active"' : '';
  return `<li><a href="${escapeHtml(href)}"${here}>${escapeHtml(label)}</a></li>`;
}

function contactHtml(contact: Contact): string {
  const rows: string[] = [];
  if (contact.email) {
    rows.push(
      `<div><dt>${s.contactEmail}</dt><dd><a href="mailto:${escapeHtml(contact.email)}">${escapeHtml(contact.email)}</a></dd></div>`,
    );
  }
  if (contact.phone) {
    const tel = contact.phone.replace(/[^+0-9]/g, '');
    rows.push(`<div><dt>${s.contactPhone}</dt><dd><a href="tel:${tel}">${escapeHtml(contact.phone)}</a></dd></div>`);
  }
  if (contact.address) {
    rows.push(`<div><dt>${s.contactAddress}</dt><dd class="site-address">${escapeHtml(contact.address)}</dd></div>`);
  }
  const list = rows.length > 0 ? `<dl class="site-contact-list">${rows.join('')}</dl>` : `<p>${s.noContact}</p>`;
  return `<section class="site-contact" aria-labelledby="server-contact-heading"><h2 id="server-contact-heading">${s.contactHeading}</h2>${list}</section>`;
}

/** A page inside the frame: its heading, an optional lead, and its body (already HTML). */
export function pageHtml(title: string, body: string, lead?: string): string {
  const leadHtml = lead ? `<p class="lead">${escapeHtml(lead)}</p>` : '';
  return `<div class="page"><div class="page-header"><div><h1 tabindex="-1">${escapeHtml(title)}</h1>${leadHtml}</div></div>${body}</div>`;
}

export function siteHtml(frame: SiteFrame, page: string): string {
  const base = `/p/${encodeURIComponent(frame.slug)}`;
  const nav = [
    navLink(frame.homePath, s.home, frame.current),
    ...frame.pages.map((p) => navLink(`${base}/${encodeURIComponent(p.slug)}`, p.title, frame.current)),
    navLink(`${base}/therapists`, s.therapists, frame.current),
    navLink(`${base}/is-this-right-for-me`, s.reflection, frame.current),
  ].join('');
  const site =
    `<div class="site"><div class="site-bar">` +
    `<p class="site-name"><a href="${escapeHtml(frame.homePath)}">${escapeHtml(frame.name)}</a></p>` +
    `<nav aria-label="${s.siteNav}" class="site-nav-public"><ul>${nav}</ul></nav>` +
    `<p class="site-sign-in"><a href="/sign-in">${s.signIn}</a> <span>(${s.signInNote})</span></p></div>` +
    `<p class="site-crisis">${s.crisisNote} <a href="/help" class="site-crisis-link">${s.needHelp}</a></p>` +
    `<div class="site-body">${page}</div>${contactHtml(frame.contact)}</div>`;
  return shellHtml(site, frame.demo);
}

/** The app's frame (AppShell, signed out): skip link, header with the help link, main, footer. */
export function shellHtml(main: string, demo: boolean): string {
  const banner = demo
    ? `<div class="demo-banner" role="note"><strong>${s.demoBanner}</strong> <span>${s.demoDetail}</span></div>`
    : '';
  return (
    `<div class="shell"><a class="skip-link" href="#server-main">${s.skipToContent}</a>${banner}` +
    `<header class="site-header"><div class="header-bar"><a class="brand" href="/">` +
    `<svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><rect width="32" height="32" rx="8" class="logo-tile"></rect>` +
    `<path d="M6 13c3.3-3 6.7-3 10 0s6.7 3 10 0M6 20c3.3-3 6.7-3 10 0s6.7 3 10 0" class="logo-waves"></path></svg>` +
    `<span class="brand-name">${s.product}</span></a><div class="header-tools"><a class="help-link" href="/help">` +
    `<span class="help-dot" aria-hidden="true"></span>${s.needHelp}</a></div></div></header>` +
    `<div class="route-progress" data-active="false" aria-hidden="true"></div>` +
    `<main id="server-main" class="main" tabindex="-1">${main}</main>` +
    `<footer class="site-footer"><div class="footer-inner"><p>${s.footer}</p><p><a href="/help">${s.needHelp}</a></p></div></footer></div>`
  );
}

/** The directory: each published profile's name, its specialisms, and a link to the whole profile. */
export function directoryHtml(slug: string, therapists: PublicProfile[]): string {
  if (therapists.length === 0) return `<div class="empty"><p>${s.directoryEmpty}</p></div>`;
  const cards = therapists.map((t) => {
    const photo = t.photo
      ? `<img class="directory-photo" src="${escapeHtml(t.photo.url)}" alt="${escapeHtml(t.photo.alt)}" width="96" height="96">`
      : '';
    const specialisms =
      t.specialisms.length > 0 ? `<p class="directory-specialisms">${escapeHtml(t.specialisms.join(' · '))}</p>` : '';
    const href = `/p/${encodeURIComponent(slug)}/therapists/${encodeURIComponent(t.id)}`;
    return `<li class="directory-card">${photo}<div><h2><a href="${href}">${escapeHtml(t.name)}</a></h2>${specialisms}</div></li>`;
  });
  return `<ul class="directory" aria-label="${s.directoryList}">${cards.join('')}</ul>`;
}

/** One profile: the photo, how the therapist works, what they often work with, their training. */
export function profileHtml(t: PublicProfile): string {
  const photo = t.photo
    ? `<img class="profile-photo" src="${escapeHtml(t.photo.url)}" alt="${escapeHtml(t.photo.alt)}" width="200" height="200">`
    : '';
  const specialisms =
    t.specialisms.length > 0
      ? `<h2>${s.specialisms}</h2><ul>${t.specialisms.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`
      : '';
  const training = t.training ? `<h2>${s.training}</h2><p class="profile-text">${escapeHtml(t.training)}</p>` : '';
  return (
    `<div class="profile">${photo}<div class="profile-body">` +
    `<h2>${s.approach}</h2><p class="profile-text">${escapeHtml(t.approach)}</p>${specialisms}${training}</div></div>`
  );
}
