import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { wouldCreateCycle } from '../../domain/org-tree';
import type { Actor } from '../../domain/roles';
import { authorize } from '../policies/index';
import { auditRepository } from '../repositories/audit.repository';
import { departmentRepository } from '../repositories/department.repository';
import { violatedUniqueConstraint } from '../repositories/pg-errors';

function translateUnique(err: unknown): never {
  if (violatedUniqueConstraint(err) === 'departments_sibling_name_uq')
    throw AppError.at('name', 'department.name_taken');
  throw err;
}

/** The organisation's department tree: HR maintains it, everyone may read it. */
export function createDepartmentService(db: Db) {
  return {
    async list(actor: Actor) {
      authorize(actor, { do: 'department.read', orgId: actor.orgId });
      return departmentRepository.listWithCounts(db, actor.orgId);
    },

    async create(actor: Actor, input: { name: string; parentId?: string | null }) {
      authorize(actor, { do: 'department.manage', orgId: actor.orgId });
      return db.transaction(async (tx) => {
        if (
          input.parentId &&
          !(await departmentRepository.findById(tx, actor.orgId, input.parentId))
        )
          throw AppError.at('parentId', 'department.parent_not_found');
        const id = randomUUID();
        const row = await departmentRepository
          .insert(tx, {
            orgId: actor.orgId,
            id,
            name: input.name.trim(),
            parentId: input.parentId ?? null,
          })
          .catch(translateUnique);
        await auditRepository.record(tx, {
          orgId: actor.orgId,
          actorId: actor.personId,
          ip: actor.ip ?? null,
          action: 'department.created',
          subjectType: 'department',
          subjectId: id,
        });
        return row;
      });
    },

    async update(actor: Actor, id: string, input: { name?: string; parentId?: string | null }) {
      authorize(actor, { do: 'department.manage', orgId: actor.orgId });
      return db.transaction(async (tx) => {
        const all = await departmentRepository.all(tx, actor.orgId);
        const byId = new Map(all.map((d) => [d.id, d]));
        if (!byId.has(id)) throw new AppError('not_found');
        if (input.parentId) {
          if (!byId.has(input.parentId))
            throw AppError.at('parentId', 'department.parent_not_found');
          if (wouldCreateCycle(id, input.parentId, (x) => byId.get(x)?.parentId))
            throw AppError.at('parentId', 'department.cycle');
        }
        const row = await departmentRepository
          .update(tx, actor.orgId, id, {
            ...(input.name !== undefined ? { name: input.name.trim() } : {}),
            ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
          })
          .catch(translateUnique);
        await auditRepository.record(tx, {
          orgId: actor.orgId,
          actorId: actor.personId,
          ip: actor.ip ?? null,
          action: 'department.updated',
          subjectType: 'department',
          subjectId: id,
        });
        return row!;
      });
    },

    /** Removes an empty department; one with sub-units or people is refused. */
    async remove(actor: Actor, id: string) {
      authorize(actor, { do: 'department.manage', orgId: actor.orgId });
      await db.transaction(async (tx) => {
        if (!(await departmentRepository.findById(tx, actor.orgId, id)))
          throw new AppError('not_found');
        if (await departmentRepository.isUsed(tx, actor.orgId, id))
          throw new AppError('department.not_empty');
        await departmentRepository.delete(tx, actor.orgId, id);
        await auditRepository.record(tx, {
          orgId: actor.orgId,
          actorId: actor.personId,
          ip: actor.ip ?? null,
          action: 'department.deleted',
          subjectType: 'department',
          subjectId: id,
        });
      });
    },
  };
}
