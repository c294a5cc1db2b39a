import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { FieldsError } from './episodes-field-errors.js';
import { Location } from './frame-schemas.js';
import { findLocation, lockLocations, nameTaken } from './locations-record.js';

export const LocationName = Type.String({ minLength: 1, maxLength: 120 });
export const LocationAddress = Type.Union([Type.String({ maxLength: 500 }), Type.Null()]);

/** POST /api/frame/locations (therapist, admin): a new room (with its address) or online meeting place. */
export const createLocationRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/locations',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'admin'] }),
      schema: {
        tags: ['frame'],
        summary: 'Add a room or an online meeting place',
        body: Type.Object(
          {
            name: LocationName,
            kind: Type.Union([Type.Literal('room'), Type.Literal('online')]),
            address: Type.Optional(LocationAddress),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Location }),
      },
    },
    async (request) => {
      const name = request.body.name.trim();
      const address = request.body.address?.trim() || null;
      if (!name) throw new FieldsError([{ field: 'name', message: 'Give the location a name.' }]);
      return app.ctx.access.run(actorOf(request), async (tx) => {
        await lockLocations(tx);
        if (await nameTaken(tx, name)) {
          throw new FieldsError(
            [{ field: 'name', message: `There is already a location called “${name}”.` }],
            'name_taken',
            409,
          );
        }
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO locations (practice_id, name, kind, address, created_by)
           VALUES (app_practice_id(), $1, $2, $3, $4) RETURNING id`,
          [name, request.body.kind, address, tx.actor.userId],
        );
        const id = inserted.rows[0]?.id as string;
        tx.audit({
          action: 'frame.location_changed',
          subjectType: 'location',
          subjectId: id,
          details: { change: 'created', kind: request.body.kind },
        });
        return (await findLocation(tx, id)) as Location;
      });
    },
  );
};
