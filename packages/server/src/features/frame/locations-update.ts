import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { FieldsError } from './episodes-field-errors.js';
import { Location } from './frame-schemas.js';
import { LocationAddress, LocationName } from './locations-create.js';
import { findLocation, lockLocations, nameTaken } from './locations-record.js';

/**
 * PATCH /api/frame/locations/:id (therapist, admin): rename, change the address, archive or bring
 * back. Archiving keeps the sessions already booked there; it only stops new agreements using it.
 */
export const updateLocationRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.patch(
    '/api/frame/locations/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'admin'] }),
      schema: {
        tags: ['frame'],
        summary: 'Rename, re-address, archive or restore a location',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            name: Type.Optional(LocationName),
            address: Type.Optional(LocationAddress),
            archived: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: withErrors({ 200: Location }),
      },
    },
    async (request) => {
      const { id } = request.params;
      const name = request.body.name?.trim();
      if (name === '') throw new FieldsError([{ field: 'name', message: 'Give the location a name.' }]);
      return app.ctx.access.run(actorOf(request), async (tx) => {
        await lockLocations(tx);
        const current = await findLocation(tx, id);
        if (!current) {
          refuse(
            tx,
            { action: 'frame.location_changed', subjectType: 'location', subjectId: id },
            404,
            'not_found',
            'There is no such location.',
          );
        }
        const archived = request.body.archived ?? current.archived;
        const finalName = name ?? current.name;
        if (!archived && (await nameTaken(tx, finalName, id))) {
          throw new FieldsError(
            [{ field: 'name', message: `There is already a location called “${finalName}”.` }],
            'name_taken',
            409,
          );
        }
        const address = request.body.address === undefined ? current.address : request.body.address?.trim() || null;
        await tx.query(
          `UPDATE locations SET name = $2, address = $3,
                  archived_at = CASE WHEN $4::boolean THEN coalesce(archived_at, now()) ELSE NULL END
            WHERE id = $1`,
          [id, finalName, address, archived],
        );
        tx.audit({
          action: 'frame.location_changed',
          subjectType: 'location',
          subjectId: id,
          details: {
            change: archived && !current.archived ? 'archived' : !archived && current.archived ? 'restored' : 'updated',
          },
        });
        return (await findLocation(tx, id)) as Location;
      });
    },
  );
};
