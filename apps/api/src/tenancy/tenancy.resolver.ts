import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { cityDecider, tenantDecider } from '@zeren/domain';
import { PLATFORM_TENANT_ID } from '@zeren/events';
import { CommandPipeline } from '../commands/command-pipeline';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { CurrentCaller } from '../identity/current-caller.decorator';
import { City, CreateCityInput, CreateTenantInput, Tenant } from '../identity/identity.models';
import { TenantDirectory } from '../identity/tenant-directory';
import { newRecordId } from '../records/record-commands';
import { TenancyRepository } from './tenancy.repository';

/** Cities and districts: created by the platform, read by whoever works in them. */
@Resolver(() => Tenant)
export class TenancyResolver {
  constructor(
    @Inject(CommandPipeline) private readonly pipeline: CommandPipeline,
    @Inject(TenancyRepository) private readonly tenancy: TenancyRepository,
    @Inject(Authorization) private readonly authorization: Authorization,
    @Inject(TenantDirectory) private readonly directory: TenantDirectory,
  ) {}

  @Query(() => [City], { description: '市' })
  async cities(@CurrentCaller() caller: Caller): Promise<City[]> {
    return (await this.tenancy.cities()).filter((city) => this.authorization.can(caller, 'read', 'City', { id: city.id, cityId: city.id }));
  }

  @Query(() => [Tenant], { description: '区县 the caller may see' })
  async tenants(@CurrentCaller() caller: Caller, @Args('cityId', { type: () => ID, nullable: true }) cityId?: string | null): Promise<Tenant[]> {
    const all = await this.tenancy.tenants({ cityId: cityId ?? undefined });
    return all.filter((tenant) => this.authorization.can(caller, 'read', 'Tenant', { id: tenant.id, tenantId: tenant.id, cityId: tenant.cityId }));
  }

  @ResolveField(() => City, { description: '所属市' })
  async city(@Parent() tenant: Tenant): Promise<City | undefined> {
    return this.tenancy.city(tenant.cityId);
  }

  @Mutation(() => City, { description: '新建市 (platform)' })
  async createCity(@CurrentCaller() caller: Caller, @Args('input') input: CreateCityInput): Promise<City> {
    const cityId = newRecordId(caller, input.idempotencyKey, randomUUID);
    this.authorization.assertCan(caller, 'create', 'City', { id: cityId, cityId });
    const result = await this.pipeline.execute({
      actor: caller.actor,
      scope: { tenantIds: [PLATFORM_TENANT_ID] },
      tenantId: PLATFORM_TENANT_ID,
      streamId: cityId,
      decider: cityDecider,
      command: { type: 'CreateCity', cityId, name: input.name, code: input.code },
      idempotencyKey: input.idempotencyKey,
      result: (outcome) => ({ cityId: outcome.streamId }),
    });
    return (await this.tenancy.city(result.cityId))!;
  }

  @Mutation(() => Tenant, { description: '新建区县 (platform); then register its first 区县管理员 with registerPerson' })
  async createTenant(@CurrentCaller() caller: Caller, @Args('input') input: CreateTenantInput): Promise<Tenant> {
    const tenantId = newRecordId(caller, input.idempotencyKey, randomUUID);
    this.authorization.assertCan(caller, 'create', 'Tenant', { id: tenantId, tenantId, cityId: input.cityId });
    const result = await this.pipeline.execute({
      actor: caller.actor,
      scope: { tenantIds: [PLATFORM_TENANT_ID] },
      tenantId: PLATFORM_TENANT_ID,
      streamId: tenantId,
      decider: tenantDecider,
      command: { type: 'CreateTenant', tenantId, cityId: input.cityId, name: input.name, code: input.code },
      idempotencyKey: input.idempotencyKey,
      result: (outcome) => ({ tenantId: outcome.streamId }),
    });
    this.directory.forgetCity(input.cityId);
    return (await this.tenancy.tenant(result.tenantId))!;
  }
}
