import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsMongoId, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { BilingualTextView } from '../../core/http/bilingual-text.view.js';
import type { NotificationRecord } from './notifications.repository.js';

export class NotificationView {
  @IsMongoId() id!: string;
  /** The event it tells of (`request.expired`, …). */
  @IsString() kind!: string;
  @ValidateNested() @Type(() => BilingualTextView) title!: BilingualTextView;
  @ValidateNested() @Type(() => BilingualTextView) body!: BilingualTextView;
  /** Ids of what it is about (requestId, startupId, mentorId, nextMentorId …). */
  @IsObject() data!: Record<string, string>;
  @IsDateString() createdAt!: string;
  @IsOptional() @IsDateString() readAt!: string | null;
}

export class NotificationPageView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => NotificationView) items!: NotificationView[];
  @IsOptional() @IsMongoId() nextCursor!: string | null;
}

export function presentNotification(n: NotificationRecord): NotificationView {
  const data = n.data instanceof Map ? Object.fromEntries(n.data as Map<string, string>) : { ...(n.data ?? {}) };
  return {
    id: n._id.toHexString(),
    kind: n.kind,
    title: { vi: n.title.vi, en: n.title.en },
    body: { vi: n.body.vi, en: n.body.en },
    data,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
