import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum RoleKey {
  platform_admin = 'platform_admin',
  city_inspector = 'city_inspector',
  district_admin = 'district_admin',
  unit_officer = 'unit_officer',
  auditor = 'auditor',
  service = 'service',
}
registerEnumType(RoleKey, {
  name: 'Role',
  description: '角色',
  valuesMap: {
    platform_admin: { description: '平台管理员 — creates cities, districts and their first admins; reads no business data' },
    city_inspector: { description: '市级督查 — inspects the districts of its city, signs off (销号)' },
    district_admin: { description: '区县管理员 — runs its district: units, people, self-inspections, first review' },
    unit_officer: { description: '单位联络员 — files rectification plans and progress for its unit' },
    auditor: { description: '纪检审计 — reads one district, including the audit trail' },
    service: { description: '接口账号 — an integration using an API token' },
  },
});

@ObjectType({ description: '市 — groups districts; city inspectors belong to one' })
export class City {
  @Field(() => ID, { description: 'City id' }) id!: string;
  @Field({ description: '名称' }) name!: string;
  @Field({ description: '行政区划代码 (6 digits)' }) code!: string;
}

@ObjectType({ description: '区县 (租户) — the isolation boundary of all business data' })
export class Tenant {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field({ description: '名称' }) name!: string;
  @Field({ description: '行政区划代码 (6 digits)' }) code!: string;
  @Field(() => ID, { description: 'The city the district belongs to' }) cityId!: string;
}

@ObjectType({ description: '人员 — a person who signs in, with one role' })
export class Person {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field({ description: '登录名' }) username!: string;
  @Field({ description: '姓名' }) displayName!: string;
  @Field(() => RoleKey, { description: '角色' }) role!: RoleKey;
  @Field(() => ID, { nullable: true, description: 'City of a city inspector' }) cityId!: string | null;
  @Field(() => ID, { nullable: true, description: 'District (tenant) the person belongs to' }) tenantId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Unit of a unit officer' }) unitId!: string | null;
  @Field({ description: 'ACTIVE 在用 or DEACTIVATED 已停用' }) status!: string;
  @Field(() => String, { nullable: true, description: '电子邮箱 (visible to administrators and the person)' }) email!: string | null;
  @Field(() => String, { nullable: true, description: '电话 (visible to administrators and the person)' }) phone!: string | null;
  @Field(() => Int, { description: 'Version to send back with a change (optimistic concurrency)' }) version!: number;
}

@ObjectType({ description: '当前用户 — who is signed in, and where' })
export class Viewer {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field({ description: '姓名或接口名称' }) displayName!: string;
  @Field(() => RoleKey, { description: '角色' }) role!: RoleKey;
  @Field(() => City, { nullable: true, description: '所属市' }) city!: City | null;
  @Field(() => Tenant, { nullable: true, description: '所属区县' }) tenant!: Tenant | null;
  @Field(() => ID, { nullable: true, description: '所属单位' }) unitId!: string | null;
  @Field(() => [ID], { description: 'Districts this viewer may read (its scope)' }) tenantIds!: string[];
}

@ObjectType({ description: '登录结果' })
export class SignInPayload {
  @Field({ description: 'Bearer token for the Authorization header; short-lived' }) accessToken!: string;
  @Field({ description: 'When the access token stops working' }) accessTokenExpiresAt!: Date;
  @Field({ description: 'Single-use token for refreshSession (also set as an httpOnly cookie)' }) refreshToken!: string;
  @Field({ description: 'When the refresh token stops working' }) refreshTokenExpiresAt!: Date;
  @Field(() => Viewer, { description: 'Who signed in' }) viewer!: Viewer;
}

@InputType({ description: '登录' })
export class SignInInput {
  @Field({ description: '登录名' }) username!: string;
  @Field({ description: '密码' }) password!: string;
}

@InputType({ description: '修改密码' })
export class ChangePasswordInput {
  @Field({ description: '当前密码' }) currentPassword!: string;
  @Field({ description: '新密码: at least 10 characters with letters and digits, or 16 of any kind' }) newPassword!: string;
}

@InputType({ description: '新增人员' })
export class RegisterPersonInput {
  @Field({ description: '登录名 (lower-case letters, digits, . _ -)' }) username!: string;
  @Field({ description: '姓名' }) displayName!: string;
  @Field(() => RoleKey, { description: '角色' }) role!: RoleKey;
  @Field(() => ID, { nullable: true, description: 'City (for a city inspector)' }) cityId?: string | null;
  @Field(() => ID, { nullable: true, description: 'District (for district roles)' }) tenantId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Unit (for a unit officer)' }) unitId?: string | null;
  @Field(() => String, { nullable: true, description: '电子邮箱' }) email?: string | null;
  @Field(() => String, { nullable: true, description: '电话' }) phone?: string | null;
  @Field({ description: '初始密码' }) initialPassword!: string;
  @Field({ nullable: true, description: 'Retries with the same key return the first answer' }) idempotencyKey?: string;
}

@ObjectType({ description: '接口令牌 — an integration’s credential; the secret is shown only once' })
export class ApiToken {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field({ description: '名称 (the integration)' }) name!: string;
  @Field({ description: 'TENANT or CITY' }) scopeKind!: string;
  @Field(() => ID, { nullable: true, description: 'District the token is scoped to' }) scopeTenantId!: string | null;
  @Field(() => ID, { nullable: true, description: 'City the token is scoped to' }) scopeCityId!: string | null;
  @Field({ description: '只读' }) readOnly!: boolean;
  @Field(() => [String], { description: 'Operations a non-read-only token may perform' }) operations!: string[];
  @Field({ description: '到期时间' }) expiresAt!: Date;
  @Field(() => Date, { nullable: true, description: '吊销时间' }) revokedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: '最近使用时间' }) lastUsedAt!: Date | null;
  @Field({ description: '签发时间' }) issuedAt!: Date;
  @Field(() => Int, { description: 'Version to send back with a change' }) version!: number;
}

@ObjectType({ description: '签发结果: the token secret appears here once and is never retrievable again' })
export class IssueApiTokenPayload {
  @Field({ description: 'Bearer credential: zr_<id>_<secret>' }) token!: string;
  @Field(() => ApiToken, { description: 'The issued token' }) apiToken!: ApiToken;
}

@InputType({ description: '签发接口令牌' })
export class IssueApiTokenInput {
  @Field({ description: '名称' }) name!: string;
  @Field(() => ID, { nullable: true, description: 'Scope: one district…' }) tenantId?: string | null;
  @Field(() => ID, { nullable: true, description: '…or one city' }) cityId?: string | null;
  @Field({ description: '只读' }) readOnly!: boolean;
  @Field(() => [String], { defaultValue: [], description: 'Operations allowed when not read-only' }) operations!: string[];
  @Field({ description: '到期时间 (at most 366 days ahead)' }) expiresAt!: Date;
  @Field({ nullable: true, description: 'Retries with the same key return the first answer' }) idempotencyKey?: string;
}

@InputType({ description: '新建市' })
export class CreateCityInput {
  @Field({ description: '名称' }) name!: string;
  @Field({ description: '行政区划代码' }) code!: string;
  @Field({ nullable: true, description: 'Retries with the same key return the first answer' }) idempotencyKey?: string;
}

@InputType({ description: '新建区县及其首位管理员' })
export class CreateTenantInput {
  @Field(() => ID, { description: '所属市' }) cityId!: string;
  @Field({ description: '名称' }) name!: string;
  @Field({ description: '行政区划代码' }) code!: string;
  @Field({ nullable: true, description: 'Retries with the same key return the first answer' }) idempotencyKey?: string;
}
