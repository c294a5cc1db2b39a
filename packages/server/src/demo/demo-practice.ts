import crypto from 'node:crypto';
import { systemActor } from '../access/actor.js';
import { hashPassword } from '../accounts/password-policy.js';
import { createUser } from '../accounts/users.js';
import type { AppContext } from '../context.js';
import type { Role } from '../db/schema.js';
import { seedDemoFrame } from './demo-frame.js';
import { seedDemoJournal } from './demo-journal.js';
import { seedDemoRecord } from './demo-record.js';
import { seedDemoFormulation } from './demo-formulation.js';
import { seedDemoLetters } from './demo-letters.js';
import { seedDemoSubjectAccess } from './demo-subject-access.js';
import { seedDemoMeasures } from './demo-measures.js';
import { seedDemoPublicSite } from './demo-public-site.js';
import { seedDemoResults } from './demo-results.js';
import { seedDemoQuestionnaires } from './demo-questionnaires.js';
import { seedDemoIntakes } from './demo-intake.js';
import { seedDemoSafeguarding } from './demo-safeguarding.js';

/**
 * The demo practice `npm run demo` starts with: a small, believable psychodynamic practice — an
 * administrator, two therapists with three clients each, a third therapist (evenings, online) with no
 * clients yet, a supervisor. Every name is invented and every
 * address is under the reserved .example domain. All share one published password. Later issues add
 * their demo data (sessions, notes, questionnaires…) by extending `seedDemoPractice`.
 */
export const DEMO_PASSWORD = 'northside demo morning light';
export const DEMO_PRACTICE = {
  name: 'Northside Psychotherapy (demo)',
  slug: 'northside-demo',
  timeZone: 'Europe/London',
} as const;

const DOMAIN = 'northside-demo.example';

export interface DemoPerson {
  key: string;
  displayName: string;
  email: string;
  roles: Role[];
  /** For clients: the key of their therapist. */
  therapist?: string;
}

const person = (key: string, displayName: string, roles: Role[], therapist?: string): DemoPerson => ({
  key,
  displayName,
  email: `${key}@${DOMAIN}`,
  roles,
  ...(therapist ? { therapist } : {}),
});

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  person('morgan.ellis', 'Morgan Ellis', ['admin']),
  person('ruth.mensah', 'Dr Ruth Mensah', ['therapist']),
  person('tom.adeyemi', 'Tom Adeyemi', ['therapist']),
  person('nia.jones', 'Nia Jones', ['therapist']),
  person('helen.marsh', 'Dr Helen Marsh', ['supervisor']),
  person('priya.nair', 'Priya Nair', ['client'], 'ruth.mensah'),
  person('jamie.walsh', 'Jamie Walsh', ['client'], 'ruth.mensah'),
  person('daniel.okoro', 'Daniel Okoro', ['client'], 'ruth.mensah'),
  person('sophie.turner', 'Sophie Turner', ['client'], 'tom.adeyemi'),
  person('aled.morgan', 'Aled Morgan', ['client'], 'tom.adeyemi'),
  person('hannah.kowalski', 'Hannah Kowalski', ['client'], 'tom.adeyemi'),
];

export interface SeededDemo {
  practiceId: string;
  userIds: Record<string, string>;
}

/** Creates the demo practice and its people (is_demo everywhere). `slug` is for tests. */
export async function seedDemoPractice(ctx: AppContext, options: { slug?: string } = {}): Promise<SeededDemo> {
  const practiceId = crypto.randomUUID();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return ctx.access.createPractice(
    {
      id: practiceId,
      name: DEMO_PRACTICE.name,
      slug: options.slug ?? DEMO_PRACTICE.slug,
      timeZone: DEMO_PRACTICE.timeZone,
      isDemo: true,
    },
    (id) => systemActor(id),
    async (tx) => {
      const userIds: Record<string, string> = {};
      for (const p of DEMO_PEOPLE) {
        userIds[p.key] = await createUser(tx, {
          email: p.email,
          displayName: p.displayName,
          passwordHash,
          roles: p.roles,
          isDemo: true,
        });
      }
      for (const p of DEMO_PEOPLE) {
        if (!p.therapist) continue;
        await tx.query('INSERT INTO care_assignments (practice_id, therapist_id, client_id) VALUES ($1, $2, $3)', [
          practiceId,
          userIds[p.therapist],
          userIds[p.key],
        ]);
      }
      const frame = await seedDemoFrame(tx, userIds, {
        smtpConfigured: ctx.config.smtpUrl !== undefined,
        publicUrl: ctx.config.publicUrl,
      });
      const journal = await seedDemoJournal(tx, userIds);
      const record = await seedDemoRecord(tx, userIds);
      const formulation = await seedDemoFormulation(tx, userIds);
      const letters = await seedDemoLetters(tx, userIds);
      const subjectAccess = await seedDemoSubjectAccess(tx, userIds);
      const measures = await seedDemoMeasures(tx, userIds);
      const publicSite = await seedDemoPublicSite(tx, userIds);
      const results = await seedDemoResults(tx, userIds);
      const questionnaires = await seedDemoQuestionnaires(tx, userIds);
      await seedDemoIntakes(tx, userIds);
      const safeguarding = await seedDemoSafeguarding(tx, userIds);
      tx.audit({
        action: 'demo.seeded',
        subjectType: 'practice',
        subjectId: practiceId,
        details: {
          people: DEMO_PEOPLE.length,
          careAssignments: DEMO_PEOPLE.filter((p) => p.therapist).length,
          episodes: frame.episodes,
          appointments: frame.appointments,
          ledgerEntries: frame.ledgerEntries,
          breaks: frame.breaks,
          journalEntries: journal.entries,
          journalShares: journal.shares,
          progressNotes: record.progressNotes,
          processNotes: record.processNotes,
          formulations: formulation.formulations,
          formulationReviews: formulation.reviews,
          letters: letters.letters,
          subjectAccessRequests: subjectAccess.requests,
          measureResults: measures.results,
          publicPages: publicSite.pages,
          publishedProfiles: publicSite.profiles,
          outcomeResults: results.results,
          questionnaireSchedules: questionnaires.schedules,
          questionnaireRequests: questionnaires.requests,
          safeguardingAlerts: safeguarding.alerts,
        },
      });
      return { practiceId, userIds };
    },
  );
}
