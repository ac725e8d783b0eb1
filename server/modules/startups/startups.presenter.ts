import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDateString, IsIn, IsMongoId, IsOptional, IsString, ValidateNested } from 'class-validator';
import { computeEligibility, STARTUP_KINDS } from './eligibility.js';
import type { StartupRecord } from './startups.repository.js';
import { DEFAULT_STARTUP_LANGUAGES } from './startup-fields.js';
import { StEnterpriseDto } from './dto/startup-fields.dto.js';

export class StartupMemberView {
  @IsMongoId() userId!: string;
  @IsIn(['owner', 'member']) role!: 'owner' | 'member';
  @IsDateString() addedAt!: string;
}

/** A startup as the API shows it, with today's eligibility in brief. */
export class StartupView {
  @IsMongoId() id!: string;
  @IsString() name!: string;
  @IsString() description!: string;
  @IsIn(STARTUP_KINDS) kind!: (typeof STARTUP_KINDS)[number];
  @IsOptional() @IsString() enterpriseCode!: string | null;
  @IsOptional() @IsString() firstRegisteredOn!: string | null;
  @IsOptional() @IsString() eligibleUntil!: string | null;
  @IsBoolean() eligible!: boolean;
  @IsArray() growthBasis!: string[];
  @IsArray() sectors!: string[];
  @IsString() stage!: string;
  @IsArray() needs!: string[];
  @IsArray() languages!: string[];
  @IsOptional() @IsString() district!: string | null;
  @IsOptional() @IsString() website!: string | null;
  @IsOptional() @ValidateNested() @Type(() => StEnterpriseDto) stEnterprise!: StEnterpriseDto | null;
  @ValidateNested({ each: true }) @Type(() => StartupMemberView) members!: StartupMemberView[];
  @IsDateString() createdAt!: string;
  @IsDateString() updatedAt!: string;
}

export function presentStartup(startup: StartupRecord, today: string): StartupView {
  return {
    id: startup._id.toHexString(),
    name: startup.name,
    description: startup.description ?? '',
    kind: startup.kind,
    enterpriseCode: startup.enterpriseCode ?? null,
    firstRegisteredOn: startup.firstRegisteredOn ?? null,
    eligibleUntil: startup.eligibleUntil ?? null,
    eligible: computeEligibility(startup, today).eligible,
    growthBasis: startup.growthBasis,
    sectors: startup.sectors,
    stage: startup.stage,
    needs: startup.needs ?? [],
    languages: startup.languages?.length ? startup.languages : [...DEFAULT_STARTUP_LANGUAGES],
    district: startup.district ?? null,
    website: startup.website ?? null,
    stEnterprise: startup.stEnterprise
      ? { certifiedOn: startup.stEnterprise.certifiedOn, certificateNumber: startup.stEnterprise.certificateNumber, issuer: startup.stEnterprise.issuer ?? null }
      : null,
    members: startup.members.map((m) => ({ userId: m.userId.toHexString(), role: m.role, addedAt: m.addedAt.toISOString() })),
    createdAt: startup.createdAt.toISOString(),
    updatedAt: startup.updatedAt.toISOString(),
  };
}
