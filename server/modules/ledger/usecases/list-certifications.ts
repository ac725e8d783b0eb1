import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import type { Page } from '../../../core/db/pages.js';
import { Forbidden } from '../../../core/errors.js';
import { startupsRepository } from '../../startups/startups.repository.js';
import { certificationsRepository, type CertificationRecord } from '../certifications.repository.js';
import type { ListCertificationsQuery } from '../dto/certification.dto.js';
import { ledgerPolicy } from '../ledger.policy.js';

/** Certificates and recognitions (staff: all; founders: their startups'), one page at a time. */
export async function listCertifications(actor: AuthUser, query: ListCertificationsQuery): Promise<Page<CertificationRecord>> {
  if (!ledgerPolicy.canListCertifications(actor)) throw new Forbidden('forbidden', 'Mentors do not list certifications.');
  let startupIds: mongoose.Types.ObjectId[] | undefined = query.startupId ? [new mongoose.Types.ObjectId(query.startupId)] : undefined;
  if (ledgerPolicy.listsOnlyOwnCertifications(actor)) {
    const own = new Set(await startupsRepository.idsWithMember(actor.id));
    startupIds = (startupIds ?? [...own].map((id) => new mongoose.Types.ObjectId(id))).filter((id) => own.has(id.toHexString()));
  }
  const range = query.year ? { from: `${query.year}-01-01`, to: `${query.year}-12-31` } : {};
  return certificationsRepository.list({ startupIds, kind: query.kind, ...range }, query);
}
