import { createContext, useContext } from 'react';

/** The practice whose public pages are showing: from the address (/p/:slug) or, at "/", the only practice. */
export const SiteSlug = createContext<string>('');

export const useSiteSlug = (): string => useContext(SiteSlug);

export const sitePath = (slug: string, rest = ''): string => `/p/${slug}${rest ? `/${rest}` : ''}`;
