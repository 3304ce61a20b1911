import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { personDecider, type PersonCommand } from '@zeren/domain';
import { PLATFORM_TENANT_ID } from '@zeren/events';
import { RecordNotFoundError } from '../commands/command-errors';
import { CommandPipeline } from '../commands/command-pipeline';
import { newRecordId } from '../records/record-commands';
import type { Caller } from './authenticator';
import { Authorization } from './authorization';
import { CurrentCaller } from './current-caller.decorator';
import { Person, RegisterPersonInput, RoleKey } from './identity.models';
import { assertPasswordPolicy, PasswordHasher } from './password-hasher';
import { PeopleRepository, type PersonRecord } from './people.repository';
import { TenantDirectory } from './tenant-directory';

/** People administration: district admins for their district, the platform for cities' and districts' first people. */
@Resolver(() => Person)
export class PeopleResolver {
  constructor(
    @Inject(CommandPipeline) private readonly pipeline: CommandPipeline,
    @Inject(PeopleRepository) private readonly directoryOfPeople: PeopleRepository,
    @Inject(Authorization) private readonly authorization: Authorization,
    @Inject(PasswordHasher) private readonly passwords: PasswordHasher,
    @Inject(TenantDirectory) private readonly tenants: TenantDirectory,
  ) {}

  /**
   * People live in their district's chain (city and platform people in the platform's). The platform
   * administers first admins everywhere, so its people queries open every district; the ability
   * rules then keep it to the people it may manage.
   */
  private async peopleScope(caller: Caller): Promise<string[]> {
    if (caller.actor.role === 'platform_admin') return this.tenants.allTenantsAndPlatform();
    return [...caller.tenantIds, PLATFORM_TENANT_ID];
  }

  @Query(() => [Person], { description: '人员名单 of one district (or the caller’s own)' })
  async people(
    @CurrentCaller() caller: Caller,
    @Args('tenantId', { type: () => ID, nullable: true }) tenantId?: string | null,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string | null,
  ): Promise<Person[]> {
    const rows = await this.directoryOfPeople.list(await this.peopleScope(caller), { tenantId: tenantId ?? undefined, unitId: unitId ?? undefined });
    return rows.filter((row) => this.authorization.can(caller, 'read', 'Person', this.subjectOf(row))).map((row) => this.visibleFields(caller, row));
  }

  @Query(() => Person, { description: '人员' })
  async person(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<Person> {
    const row = await this.directoryOfPeople.find(await this.peopleScope(caller), id);
    this.authorization.assertCanRead(caller, 'Person', row ? this.subjectOf(row) : undefined, id);
    return this.visibleFields(caller, row!);
  }

  @Mutation(() => Person, { description: '新增人员 with an initial password' })
  async registerPerson(@CurrentCaller() caller: Caller, @Args('input') input: RegisterPersonInput): Promise<Person> {
    const personId = newRecordId(caller, input.idempotencyKey, randomUUID);
    const where = { tenantId: input.tenantId ?? null, cityId: input.cityId ?? null, unitId: input.unitId ?? null };
    this.authorization.assertCan(caller, 'create', 'Person', { ...where, role: input.role, id: personId });
    assertPasswordPolicy(input.initialPassword);
    const hash = await this.passwords.hash(input.initialPassword);
    const streamTenant = where.tenantId ?? PLATFORM_TENANT_ID;
    const result = await this.pipeline.execute({
      actor: caller.actor,
      scope: { tenantIds: [streamTenant] },
      tenantId: streamTenant,
      streamId: personId,
      decider: personDecider,
      command: {
        type: 'RegisterPerson',
        personId,
        username: input.username,
        displayName: input.displayName,
        role: input.role as Exclude<RoleKey, RoleKey.service>,
        ...where,
        email: input.email ?? null,
        phone: input.phone ?? null,
      },
      idempotencyKey: input.idempotencyKey,
      afterAppend: async (sql) => {
        await sql.query(
          `INSERT INTO accounts (username, person_id, tenant_id, password_hash, password_changed_at) VALUES ($1, $2, $3, $4, now())`,
          [input.username.toLowerCase(), personId, streamTenant, hash],
        );
      },
      result: (outcome) => ({ personId: outcome.streamId, tenantId: streamTenant }),
    });
    return this.person(caller, result.personId);
  }

  @Mutation(() => Person, { description: '调整角色' })
  changePersonRole(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('role', { type: () => RoleKey }) role: RoleKey,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string | null,
  ): Promise<Person> {
    return this.change(caller, id, expectedVersion, 'update', { type: 'ChangePersonRole', role: role as Exclude<RoleKey, RoleKey.service>, unitId: unitId ?? null });
  }

  @Mutation(() => Person, { description: '停用账号' })
  deactivatePerson(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ): Promise<Person> {
    return this.change(caller, id, expectedVersion, 'update', { type: 'DeactivatePerson', reason });
  }

  @Mutation(() => Person, { description: '恢复账号' })
  reactivatePerson(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ): Promise<Person> {
    return this.change(caller, id, expectedVersion, 'update', { type: 'ReactivatePerson' });
  }

  private async change(caller: Caller, id: string, expectedVersion: number, action: 'update', command: PersonCommand): Promise<Person> {
    const row = await this.directoryOfPeople.find(await this.peopleScope(caller), id);
    if (!row || !this.authorization.can(caller, 'read', 'Person', this.subjectOf(row))) throw new RecordNotFoundError('Person', id);
    this.authorization.assertCan(caller, action, 'Person', this.subjectOf(row));
    await this.pipeline.execute({
      actor: caller.actor,
      scope: { tenantIds: [row.streamTenantId] },
      tenantId: row.streamTenantId,
      streamId: id,
      decider: personDecider,
      command,
      expectedVersion,
      result: () => ({ personId: id }),
    });
    return this.person(caller, id);
  }

  private subjectOf(row: PersonRecord): Record<string, unknown> {
    return { id: row.id, tenantId: row.tenantId, cityId: row.cityId, unitId: row.unitId, role: row.role };
  }

  /** Contact details only for those the field rules allow (administrators and the person). */
  private visibleFields(caller: Caller, row: PersonRecord): Person {
    const subject = this.subjectOf(row);
    return {
      ...row,
      email: this.authorization.can(caller, 'read', 'Person', subject, 'email') ? row.email : null,
      phone: this.authorization.can(caller, 'read', 'Person', subject, 'phone') ? row.phone : null,
    };
  }
}
