/**
 * The general background for themes: very common English words that say little about one person's
 * material (function words, everyday verbs and time words). Our own list. A word here is never a
 * theme on its own; it can still appear inside a two-word phrase.
 */

const WORDS = `
a about above after again against all also always am an and another any anyone anything are around as at
away back bad be because been before being below between big both but by can come could day days did do
does doing done down during each else even ever every everyone everything feel felt few find first for
from get give go going good got had has have having he her here hers herself him himself his how i if in
into is it its itself just keep kind know last later least less let like little long look lot lots made
make many may me maybe mean might mine more most much must my myself need never new next night no nobody
none nor not nothing now of off often oh ok okay old on once one only or other our ours ourselves out over
own part people perhaps put quite rather really right said same saw say see seem seemed she should since
so some someone something sometimes soon still such sure take tell than thank that the their theirs them
themselves then there these they thing things think this those though thought through time times to today
told tomorrow too took try two under until up upon us use very want was way we week weeks well went were
what when where whether which while who whole whom whose why will with without would yeah year years yes
yesterday yet you your yours yourself morning evening afternoon tonight week weekend month months lately
again anyway already around bit actually also able ask asked came goes gone getting keeps kept let's
ll re ve s t d m n't 's 'm 're 've 'd 'll
`;

export const BACKGROUND_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w !== ''));
