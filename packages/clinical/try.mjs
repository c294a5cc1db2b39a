import { tokenise } from './dist/patterns/pipeline.js';
import { analyseEntry } from './dist/patterns/analyse-entry.js';
const t='The sun was low over the sea.';
console.log(tokenise(t).tokens.map((k) => `${k.value}/${k.lemma}/${k.pos}`).join(' '));
console.log(analyseEntry({id:'x',kind:'journal',date:'2026-01-01',text:t,source:'shared'}).feelings);
