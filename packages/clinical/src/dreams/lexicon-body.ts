/**
 * Our own word list of body parts by Hall–Van de Castle region; torso, anatomy and sex organs make up
 * the Torso/Anatomy %.
 */
import type { BodyPartRegion } from './dream-codes.js';

export interface BodyPartTerm {
  region: BodyPartRegion;
  phrases: readonly string[];
}
const b = (region: BodyPartRegion, phrases: string): BodyPartTerm => ({ region, phrases: phrases.split(',') });

export const BODY_PART_TERMS: readonly BodyPartTerm[] = [
  b('head', 'head,face,eye,mouth,hair,tooth|teeth,nose,ear,lip,cheek,forehead,jaw,chin,tongue'),
  b('extremities', 'hand,arm,leg,foot|feet,finger,toe,knee,elbow,wrist,ankle,thumb,fist,nail'),
  b('torso', 'chest,back,stomach,belly,shoulder,neck,waist,hip,breast,throat,tummy'),
  b('anatomy', 'heart,blood,bone,brain,skin,lung,vein,skeleton,skull,rib,muscle,guts,liver,wound'),
  b('sex-organs', 'penis,vagina,genitals,genital'),
];
