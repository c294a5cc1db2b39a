import fs from 'node:fs';
import path from 'node:path';
import { escapeHtml } from './escape-html.js';

/**
 * The built index.html with a public page's first paint in it: its title and meta description, the
 * public area's stylesheet (and its script, preloaded), and the page's markup in `#server-page` just
 * before the app's `#root`. The app hides its own root while the server's page is there and swaps the
 * two once its page is ready (packages/web/src/app/server-page.ts), so nothing moves. No script or
 * style is inlined: the CSP stays as it is.
 */
export interface ShellPage {
  title: string;
  description: string;
  html: string;
}

/** The public area's chunk in the web build's manifest: its stylesheets and its script. */
export interface SiteAssets {
  css: string[];
  script: string | null;
}

/** For a page of the app's own main chunk (`/help`): its stylesheet is already in the shell. */
export const NO_ASSETS: SiteAssets = { css: [], script: null };

const SITE_ENTRY = 'src/pages/site/index.ts';

export function readSiteAssets(webDist: string): SiteAssets {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(webDist, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      { file?: string; css?: string[]; imports?: string[] }
    >;
    // The chunk's stylesheets and those of the chunks it imports (shared ones carry their own CSS).
    const css: string[] = [];
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      const chunk = manifest[key];
      for (const file of chunk?.css ?? []) if (!css.includes(file)) css.push(file);
      for (const imported of chunk?.imports ?? []) visit(imported);
    };
    visit(SITE_ENTRY);
    return { css, script: manifest[SITE_ENTRY]?.file ?? null };
  } catch {
    return { css: [], script: null };
  }
}

export function fillShell(shell: string, page: ShellPage, assets: SiteAssets): string {
  const head = [
    `<meta name="description" content="${escapeHtml(page.description)}" />`,
    ...assets.css.map((file) => `<link rel="stylesheet" href="/${escapeHtml(file)}" />`),
    ...(assets.script
      ? [`<link rel="modulepreload" crossorigin fetchpriority="low" href="/${escapeHtml(assets.script)}" />`]
      : []),
  ].join('\n    ');
  // Replacement functions, so a `$` in a practice's words is never read as a replacement pattern.
  return (
    shell
      // The page is readable without script: the app's scripts come after the page and its stylesheets.
      .replace(/<script type="module"/g, () => '<script type="module" fetchpriority="low"')
      .replace(/<link rel="modulepreload"/g, () => '<link rel="modulepreload" fetchpriority="low"')
      .replace(/<html lang="[^"]*">/, () => '<html lang="en-GB">')
      .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>\n    ${head}`)
      .replace('<div id="root"></div>', () => `<div id="server-page">${page.html}</div><div id="root"></div>`)
  );
}
