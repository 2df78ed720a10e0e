import { Arg, Authorized, Ctx, Field, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { Role } from '../../auth/roles.js';
import { optionalText, parseInput, requiredText } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { Tenant } from './tenant.entity.js';

@ObjectType('TenantSettings', { description: 'The programme name, time zone (schedules and periods) and email branding.' })
class TenantSettings {
  @Field() name!: string;
  @Field() timezone!: string;
  @Field() supportEmail!: string;
  @Field(() => String, { nullable: true }) logoUrl!: string | null;
  @Field() primaryColor!: string;
  @Field() footer!: string;
}

@InputType()
class UpdateTenantSettingsInput {
  @Field() name!: string;
  @Field({ description: 'IANA time zone, e.g. America/Chicago.' }) timezone!: string;
  @Field() supportEmail!: string;
  @Field(() => String, { nullable: true, description: 'https URL of the logo shown in email headers.' }) logoUrl?: string | null;
  @Field({ description: 'Header and button colour, #rgb or #rrggbb.' }) primaryColor!: string;
  @Field({ description: 'Footer line of every email (address, legal name).' }) footer!: string;
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

const SettingsSchema = z.object({
  name: requiredText(120),
  timezone: z.string().trim().refine(isTimeZone, 'An IANA time zone such as America/New_York'),
  supportEmail: z.email('An email address').max(254),
  logoUrl: z
    .string()
    .trim()
    .max(500)
    .refine((value) => value === '' || /^https:\/\/[^\s"'<>]+$/.test(value), 'An https:// URL')
    .nullish()
    .transform((value) => value || null),
  primaryColor: z.string().trim().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'A colour like #1c7ed6'),
  footer: optionalText(300).transform((value) => value ?? ''),
});

function settingsOf(tenant: Tenant): TenantSettings {
  return { name: tenant.name, timezone: tenant.timezone, supportEmail: tenant.supportEmail, logoUrl: tenant.branding.logoUrl, primaryColor: tenant.branding.primaryColor, footer: tenant.branding.footer };
}

@Authorized(Role.ADMIN)
@Resolver()
export class TenantSettingsResolver {
  @Query(() => TenantSettings)
  async tenantSettings(@Ctx() ctx: Context): Promise<TenantSettings> {
    return settingsOf(await ctx.em.findOneOrFail(Tenant, { id: ctx.actor!.tenantId }));
  }

  @Mutation(() => TenantSettings, { description: 'Emails rendered from now on use the new branding; a new time zone moves the schedules (same time of day).' })
  async updateTenantSettings(@Arg('input') input: UpdateTenantSettingsInput, @Ctx() ctx: Context): Promise<TenantSettings> {
    const parsed = parseInput(SettingsSchema, input);
    const { tenant, zoneChanged } = await ctx.em.transactional(async (tx) => {
      const tenant = await tx.findOneOrFail(Tenant, { id: ctx.actor!.tenantId });
      const zoneChanged = tenant.timezone !== parsed.timezone;
      Object.assign(tenant, { name: parsed.name, timezone: parsed.timezone, supportEmail: parsed.supportEmail.toLowerCase(), branding: { logoUrl: parsed.logoUrl, primaryColor: parsed.primaryColor, footer: parsed.footer } });
      recordAudit(tx, tenant, ctx.actor, { action: 'tenant.settings_changed', entityType: 'Tenant', entityId: tenant.id, data: { ...parsed } });
      return { tenant, zoneChanged };
    });
    if (zoneChanged) await ctx.app.scheduler.retimeSchedules(tenant);
    return settingsOf(tenant);
  }
}
