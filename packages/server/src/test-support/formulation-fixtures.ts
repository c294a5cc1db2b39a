import { createPracticeFixture } from './fixtures.js';
import { carePair, type CarePair } from './frame-fixtures.js';
import { CSRF, type TestApp } from './test-app.js';

/** Shared set-up of the formulation tests: a practice, a therapist caring for a client in an episode. */
export interface FormulationWorld {
  practiceId: string;
  pair: CarePair;
  url: string;
}

export async function formulationWorld(t: TestApp): Promise<FormulationWorld> {
  const practiceId = await createPracticeFixture(t.ctx);
  const pair = await carePair(t, practiceId);
  return { practiceId, pair, url: `/api/record/episodes/${pair.episodeId}/formulation` };
}

export function sender(t: TestApp) {
  return (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie, ...CSRF }, ...(payload ? { payload } : {}) });
}

const part = (clusterIds: string[], words: string) => ({ clusterIds, words });

/** A formulation a therapist might write, with a marker in every text. */
export function sampleContent(marker = 'FORMULATION-MARKER') {
  return {
    presentingDifficulties: `${marker} low mood and sleeplessness since her father died`,
    history: `${marker} eldest of three; father often away`,
    attachmentDevelopment: `${marker} looked after others early`,
    goals: [
      { id: 'g1', text: `${marker} to rest without earning it`, status: 'open' as const },
      { id: 'g2', text: `${marker} to say when she is angry`, status: 'partly_met' as const },
    ],
    ccrt: {
      W: part(['w-loved-understood'], `${marker} to be looked after without asking`),
      RO: part(['ro-rejecting-opposing'], `${marker} others leave or are too busy`),
      RS: part(['rs-disappointed-depressed', 'rs-helpless'], `${marker} she withdraws and waits`),
    },
  };
}
