/**
 * Our own word lists of Hall–Van de Castle settings: place nouns that are indoor or outdoor, room words
 * that belong to a building already named, and the cues that make a setting familiar, unfamiliar,
 * distorted or geographical.
 */
import type { SettingPlace } from './dream-codes.js';

export interface PlaceTerm {
  place: SettingPlace;
  phrases: readonly string[];
  /** A part of a building (kitchen, corridor): no new setting when a building is already coded. */
  room?: boolean;
}

const p = (place: SettingPlace, phrases: string, room = false): PlaceTerm => ({
  place,
  phrases: phrases.split(','),
  room,
});

export const PLACE_TERMS: readonly PlaceTerm[] = [
  p(
    'indoor',
    'at work,house,farmhouse,home,flat,apartment,building,office,school,classroom,lecture hall,hospital,church,cathedral,shop,supermarket,restaurant,cafe,pub,bar,hotel,library,museum,factory,prison,cell,warehouse,mansion,castle,cottage,cabin,theatre,cinema,gym,airport,station,mall,shopping centre,ward,clinic,university,lift,elevator,tent,barn,inside',
  ),
  p(
    'indoor',
    'room,bed,kitchen,bedroom,bathroom,living room,hallway,hall,corridor,stairs,staircase,attic,basement,cellar,toilet,lounge,dining room,cupboard,wardrobe,loft,landing',
    true,
  ),
  p(
    'outdoor',
    'street,road,garden,park,field,forest,wood|woods,beach,sea,ocean,river,lake,mountain,hill,cliff,outside,countryside,village,town,city,car park,parking lot,playground,desert,jungle,island,bridge,motorway,highway,path,lane,square,market,yard,backyard,farm,meadow,valley,cave,sky,rooftop,roof,shore,swimming pool,pier,harbour,platform,cemetery,graveyard,courtyard,field trip,campsite,snow,hillside',
  ),
  p('ambiguous', 'car,bus,train,plane,boat,ship,taxi,underground,tube,subway,van,lorry'),
];

/** Words just before a place noun that make it familiar ('my house', "grandmother's house" is detected separately). */
export const FAMILIAR_PLACE_CUES: ReadonlySet<string> = new Set([
  'my',
  'our',
  'his',
  'her',
  'their',
  'home',
  'childhood',
  'usual',
  'local',
]);
/** Words just before a place noun that make it unfamiliar. */
export const UNFAMILIAR_PLACE_CUES: ReadonlySet<string> = new Set([
  'a',
  'an',
  'some',
  'strange',
  'unknown',
  'unfamiliar',
  'foreign',
  'huge',
  'enormous',
  'empty',
  'abandoned',
  'dark',
  'deserted',
  'another',
]);
/** Phrases anywhere in the sentence that say a familiar place was changed: a distorted setting. */
export const DISTORTION_CUES: readonly string[] = [
  'but it was different',
  'but different',
  'looked different',
  'but bigger',
  'but smaller',
  'but it was not',
  "but it wasn't",
  'except it was',
  'somehow it was',
  'had extra rooms',
  'was also',
];
/** A place noun is a setting only after one of these ('in the kitchen', 'through a forest'). */
export const LOCATIVE_PREPOSITIONS: ReadonlySet<string> = new Set(
  [
    'in',
    'at',
    'on',
    'into',
    'inside',
    'outside',
    'through',
    'across',
    'along',
    'around',
    'near',
    'down',
    'up',
    'over',
    'under',
    'onto',
    'to',
    'from',
    'towards',
    'by',
    'round',
    'within',
    'behind',
    'of',
    'explore|exploring',
    'enter|entering',
    'visit|visiting',
    'reach|reaching',
    'leave|leaving|left',
    'drive|driving|drove',
  ].flatMap((w) => w.split('|')),
);
/** Named places (cities, countries): a geographical setting. Our own short list. */
export const GEOGRAPHICAL_NAMES: ReadonlySet<string> = new Set(
  'london,paris,manchester,edinburgh,glasgow,cardiff,belfast,dublin,york,leeds,liverpool,bristol,birmingham,oxford,cambridge,brighton,new york,rome,berlin,madrid,barcelona,venice,tokyo,india,france,spain,italy,scotland,wales,ireland,england,germany,america,australia,greece,africa,china,japan,canada,cornwall,devon,lisbon,amsterdam,prague,vienna'.split(
    ',',
  ),
);
