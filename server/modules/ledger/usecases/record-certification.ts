import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden, NotFound, type FieldError } from '../../../core/errors.js';
import { assertRules } from '../../../core/http/validation.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { todayInVietnam } from '../../../core/time/calendar-date.js';
import { startupsRepository, type StartupRecord } from '../../startups/startups.repository.js';
import { certificationsRepository, type CertificationRecord } from '../certifications.repository.js';
import type { RecordCertificationDto } from '../dto/certification.dto.js';
import { ledgerPolicy } from '../ledger.policy.js';

export const ST_ENTERPRISE_TITLE = 'Giấy chứng nhận doanh nghiệp khoa học và công nghệ';

function ruleErrors(input: RecordCertificationDto, startup: StartupRecord | undefined, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!startup) return [{ field: 'startupId', code: 'unknown_startup', message: `No startup has the id ${input.startupId}.` }];
  if (input.issuedOn > today) errors.push({ field: 'issuedOn', code: 'in_future', message: `issuedOn must not be after today (${today} in Vietnam).` });
  if (input.kind === 'recognition' && !input.title) errors.push({ field: 'title', code: 'required', message: 'A recognition needs its title.' });
  if (input.kind === 'st_enterprise') {
    if (startup.kind !== 'company') errors.push({ field: 'kind', code: 'company_only', message: 'Only a company is certified as an S&T enterprise.' });
    if (!input.number) errors.push({ field: 'number', code: 'required', message: 'An S&T certificate needs its number.' });
    if (startup.firstRegisteredOn && input.issuedOn < startup.firstRegisteredOn) {
      errors.push({ field: 'issuedOn', code: 'before_registration', message: 'The S&T certification cannot predate the first business registration.' });
    }
  }
  return errors;
}

/**
 * The startup's profile shows its S&T certificate as `stEnterprise`: the
 * certificate recorded here is written there too (guarded by the startup's
 * revision, read again when a founder's edit came in between).
 */
async function showOnProfile(startupId: mongoose.Types.ObjectId, stEnterprise: { certifiedOn: string; certificateNumber: string; issuer: string } | null): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const startup = await startupsRepository.findById(startupId.toHexString());
    if (!startup) return;
    if (stEnterprise === null && !startup.stEnterprise) return;
    const result = stEnterprise ? await startupsRepository.update(startup, { stEnterprise }) : await startupsRepository.update(startup, {}, ['stEnterprise']);
    if (result.applied) return;
  }
  throw new Conflict('concurrent_change', 'The startup kept changing; record the certificate again.');
}

/** A manager or admin records a certificate of a startup; an S&T one (one per startup) also shows on its profile. */
export async function recordCertification(actor: AuthUser, input: RecordCertificationDto, deps: Pick<UseCaseDeps, 'now'>): Promise<CertificationRecord> {
  if (!ledgerPolicy.canRecord(actor)) throw new Forbidden('forbidden', 'Only managers and admins record certifications.');
  const startup = await startupsRepository.findById(input.startupId);
  assertRules(ruleErrors(input, startup, todayInVietnam(deps.now())));
  const certification = await certificationsRepository.create({
    startupId: startup!._id,
    kind: input.kind,
    title: input.title ?? ST_ENTERPRISE_TITLE,
    ...(input.number ? { number: input.number } : {}),
    issuer: input.issuer,
    issuedOn: input.issuedOn,
    recordedBy: new mongoose.Types.ObjectId(actor.id),
  });
  if (!certification) throw new Conflict('already_certified', 'This startup already has an S&T enterprise certificate recorded.');
  if (certification.kind === 'st_enterprise') {
    await showOnProfile(certification.startupId, { certifiedOn: certification.issuedOn, certificateNumber: certification.number!, issuer: certification.issuer });
  }
  return certification;
}

/** Removes a certificate recorded by mistake (staff); an S&T one leaves the profile too. */
export async function deleteCertification(actor: AuthUser, id: string): Promise<void> {
  if (!ledgerPolicy.canRecord(actor)) throw new Forbidden('forbidden', 'Only managers and admins remove certifications.');
  const certification = await certificationsRepository.findById(id);
  if (!certification || !(await certificationsRepository.delete(certification._id))) throw new NotFound('certification_not_found', 'No such certification.');
  if (certification.kind === 'st_enterprise') await showOnProfile(certification.startupId, null);
}
