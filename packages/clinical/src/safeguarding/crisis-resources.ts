/**
 * Crisis resources by region (CLINICAL-REFERENCE.md §4). These are region defaults; a practice may
 * edit its own list. Shown at once, never behind a sign-in.
 */
export type Region = 'GB' | 'US';

export interface CrisisResource {
  name: string;
  /** What to do, in plain words. */
  action: string;
  /** A tel: or sms: address a phone can act on, when there is one. */
  href?: string;
  availability: string;
}

export interface CrisisResources {
  region: Region;
  emergency: CrisisResource;
  resources: CrisisResource[];
}

const GB: CrisisResources = {
  region: 'GB',
  emergency: {
    name: 'Emergency services',
    action: 'Call 999 or go to A&E if your life, or someone else’s, is at risk now.',
    href: 'tel:999',
    availability: '24 hours a day',
  },
  resources: [
    {
      name: 'Samaritans',
      action: 'Call 116 123 (free) to talk to someone.',
      href: 'tel:116123',
      availability: '24 hours a day, every day',
    },
    {
      name: 'SHOUT',
      action: 'Text SHOUT to 85258.',
      href: 'sms:85258?body=SHOUT',
      availability: '24 hours a day, every day',
    },
    {
      name: 'NHS 111 (England)',
      action: 'Call 111 and choose the mental health option.',
      href: 'tel:111',
      availability: '24 hours a day',
    },
  ],
};

const US: CrisisResources = {
  region: 'US',
  emergency: {
    name: 'Emergency services',
    action: 'Call 911 if your life, or someone else’s, is at risk now.',
    href: 'tel:911',
    availability: '24 hours a day',
  },
  resources: [
    {
      name: '988 Suicide & Crisis Lifeline',
      action: 'Call or text 988.',
      href: 'tel:988',
      availability: '24 hours a day, every day',
    },
  ],
};

const BY_REGION: Record<Region, CrisisResources> = { GB, US };

export function crisisResourcesFor(region: Region): CrisisResources {
  return BY_REGION[region];
}

/** The region whose resources a practice shows by default, from its IANA time zone. */
export function regionForTimeZone(timeZone: string): Region {
  return timeZone.startsWith('America/') || timeZone.startsWith('US/') || timeZone === 'Pacific/Honolulu' ? 'US' : 'GB';
}
