import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { personDecider, type Actor } from '@zeren/domain';
import { PLATFORM_TENANT_ID } from '@zeren/events';
import { DataSource } from 'typeorm';
import { CommandPipeline } from '../commands/command-pipeline';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { loadOrCreateLocalSecrets } from '../database/local-secrets';
import { PasswordHasher } from './password-hasher';

export const BOOTSTRAP_ADMIN_USERNAME = 'platform';
/** Fixed ids, so the first administrator is the same record on every instance that races to create it. */
export const BOOTSTRAP_ADMIN_ID = '00000000-0000-4000-8000-000000000001';
const SYSTEM_ACTOR: Actor = { kind: 'service', id: '00000000-0000-4000-8000-000000000000', role: 'platform_admin', cityId: null, tenantId: null, unitId: null };

/**
 * A new installation needs one person who can sign in: the platform administrator `platform`,
 * created by the system itself (recorded as such in the platform chain) on the first start.
 */
@Injectable()
export class PlatformBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('bootstrap');
  /** Set when this start created the administrator, so the start-up banner can show how to sign in. */
  createdAccount: { username: string; password: string } | undefined;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CommandPipeline) private readonly pipeline: CommandPipeline,
    @Inject(PasswordHasher) private readonly passwords: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const [existing] = await this.dataSource.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM accounts');
    if (existing!.n > 0) return;
    const password = this.config.bootstrapAdminPassword ?? loadOrCreateLocalSecrets(this.config.dataDir).bootstrapAdminPassword;
    const hash = await this.passwords.hash(password);
    try {
      await this.pipeline.execute({
        actor: SYSTEM_ACTOR,
        scope: { tenantIds: [PLATFORM_TENANT_ID] },
        tenantId: PLATFORM_TENANT_ID,
        streamId: BOOTSTRAP_ADMIN_ID,
        decider: personDecider,
        command: {
          type: 'RegisterPerson',
          personId: BOOTSTRAP_ADMIN_ID,
          username: BOOTSTRAP_ADMIN_USERNAME,
          displayName: '平台管理员',
          role: 'platform_admin',
          cityId: null,
          tenantId: null,
          unitId: null,
          email: null,
          phone: null,
        },
        afterAppend: async (sql) => {
          await sql.query(`INSERT INTO accounts (username, person_id, tenant_id, password_hash, password_changed_at) VALUES ($1, $2, $3, $4, now())`, [
            BOOTSTRAP_ADMIN_USERNAME,
            BOOTSTRAP_ADMIN_ID,
            PLATFORM_TENANT_ID,
            hash,
          ]);
        },
        result: () => null,
      });
      this.createdAccount = { username: BOOTSTRAP_ADMIN_USERNAME, password };
      this.logger.log(`created the platform administrator '${BOOTSTRAP_ADMIN_USERNAME}'${this.config.bootstrapAdminPassword ? '' : ` (password in ${this.config.dataDir}/secrets.json)`}`);
    } catch (error) {
      // Another instance created it first: that is the outcome wanted.
      const [again] = await this.dataSource.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM accounts WHERE username = $1', [BOOTSTRAP_ADMIN_USERNAME]);
      if (again!.n === 0) throw error;
    }
  }
}
