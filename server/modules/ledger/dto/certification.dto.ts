import { IsIn, IsMongoId, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { TextField } from '../../../core/http/text-field.js';
import { IsCalendarDate } from '../../../core/time/calendar-date.js';
import { YearParam } from './period-params.js';
import { CERTIFICATION_KINDS, type CertificationKind } from '../certification.model.js';

/** POST /certifications. */
export class RecordCertificationDto {
  @IsMongoId({ message: 'startupId must be a startup id' })
  startupId!: string;

  @IsIn(CERTIFICATION_KINDS, { message: 'kind must be st_enterprise or recognition' })
  kind!: CertificationKind;

  /** Required for a recognition; an S&T certificate is titled by its kind when left out. */
  @IsOptional()
  @TextField({ max: 200, required: true, example: 'Giải Nhất Mekong Startup Runway 2023' })
  title?: string;

  /** Required for an S&T certificate. */
  @IsOptional()
  @TextField({ max: 60, required: true, example: '15/DNKHCN-CT' })
  number?: string;

  @TextField({ max: 160, required: true, example: 'Sở Khoa học và Công nghệ thành phố Cần Thơ' })
  issuer!: string;

  /** Not after today in Vietnam; an S&T certificate not before the first business registration. */
  @IsCalendarDate()
  issuedOn!: string;
}

/** GET /certifications filters. */
export class ListCertificationsQuery extends PageQueryDto {
  @IsOptional()
  @IsMongoId({ message: 'startupId must be a startup id' })
  startupId?: string;

  @IsOptional()
  @IsIn(CERTIFICATION_KINDS, { message: 'kind must be st_enterprise or recognition' })
  kind?: CertificationKind;

  /** Issued in this year. */
  @YearParam()
  year?: number;
}
