import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DEFAULT_RISK_PHRASES, normalisePhrase, riskPhraseProblem } from '@undercurrent/clinical';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { FieldsError, type FieldProblem } from '../frame/episodes-field-errors.js';
import { Settings, SettingsBody } from './safeguarding-schemas.js';
import { loadSafeguardingSettings, saveSafeguardingSettings } from './settings-record.js';

/**
 * PUT /api/safeguarding/settings (admin): saves the settings. Added phrases are checked (a phrase
 * that could not match safely is refused with the reason); the clinical lead must be an active
 * staff member of the practice. A change to the policy's words makes a new policy version.
 */
export const putSafeguardingSettingsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/safeguarding/settings',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['safeguarding'],
        summary: "Save the practice's safeguarding settings",
        body: SettingsBody,
        response: withErrors({ 200: Settings }),
      },
    },
    async (request) => {
      const body = request.body;
      const problems: FieldProblem[] = [];
      body.addedPhrases.forEach((phrase, index) => {
        const problem = riskPhraseProblem(phrase);
        if (problem) problems.push({ field: `addedPhrases.${index}`, message: problem });
      });
      const ours = new Set(DEFAULT_RISK_PHRASES.map(normalisePhrase));
      body.removedPhrases.forEach((phrase, index) => {
        if (!ours.has(normalisePhrase(phrase))) {
          problems.push({
            field: `removedPhrases.${index}`,
            message: `“${phrase}” is not on our list, so it cannot be removed.`,
          });
        }
      });
      if (body.policyText.trim() === '')
        problems.push({ field: 'policyText', message: 'The policy needs some words.' });
      if (problems.length > 0) throw new FieldsError(problems, 'invalid_settings');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const leadId = body.clinicalLeadId?.toLowerCase() ?? null;
        if (leadId) {
          const lead = await tx.query(
            `SELECT 1 FROM users u JOIN memberships m ON m.user_id = u.id AND m.practice_id = u.practice_id
              WHERE u.id = $1 AND u.status = 'active' AND m.role IN ('admin', 'therapist', 'supervisor')`,
            [leadId],
          );
          if (lead.rowCount === 0) {
            throw new FieldsError(
              [
                {
                  field: 'clinicalLeadId',
                  message: 'The clinical lead must be an active member of staff of this practice.',
                },
              ],
              'invalid_settings',
            );
          }
        }
        await saveSafeguardingSettings(
          tx,
          {
            ...body,
            policyText: body.policyText.trim(),
            clinicalLeadId: leadId,
            addedPhrases: [...new Set(body.addedPhrases.map(normalisePhrase))],
            removedPhrases: [...new Set(body.removedPhrases.map(normalisePhrase))],
          },
          selfId(tx),
        );
        const saved = await loadSafeguardingSettings(tx);
        tx.audit({
          action: 'safeguarding.settings_changed',
          subjectType: 'safeguarding_settings',
          subjectId: tx.actor.practiceId,
          details: {
            policyVersion: saved.policyVersion,
            privateEntryAlerts: saved.privateEntryAlerts,
            escalateAfterMinutes: saved.escalateAfterMinutes,
            clinicalLeadId: saved.clinicalLeadId,
            region: saved.region,
            added: saved.addedPhrases.length,
            removed: saved.removedPhrases.length,
          },
        });
        return { ...saved, defaultPhrases: [...DEFAULT_RISK_PHRASES] };
      });
    },
  );
};
