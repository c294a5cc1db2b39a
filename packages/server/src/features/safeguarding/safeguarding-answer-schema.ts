import { Type } from '@sinclair/typebox';

/**
 * What the client's page should do after they saved words or answers that matched a safeguarding
 * trigger: show help at once (never waiting for a therapist), say whether their therapist was told,
 * and — for a private entry — invite them to tell their therapist themselves.
 */
export const SafeguardingAnswer = Type.Object({
  showHelp: Type.Boolean(),
  therapistAlerted: Type.Boolean(),
  inviteToTell: Type.Boolean(),
});
