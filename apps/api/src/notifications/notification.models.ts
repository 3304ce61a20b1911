import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../graphql/connection';

export enum NotificationKindValue {
  WARNING = 'WARNING',
  ASSIGNMENT = 'ASSIGNMENT',
  REJECTION = 'REJECTION',
  INTERVIEW_INVITATION = 'INTERVIEW_INVITATION',
}
registerEnumType(NotificationKindValue, {
  name: 'NotificationKind',
  description: '通知类型',
  valuesMap: {
    WARNING: { description: '整改预警 (三色预警) for a finding of the person’s unit' },
    ASSIGNMENT: { description: '整改任务: a finding recorded against or reassigned to the person’s unit' },
    REJECTION: { description: '退回: a rectification rejected at district review or city sign-off' },
    INTERVIEW_INVITATION: { description: '约谈通知: the person is to be interviewed' },
  },
});

@ObjectType({ description: '站内通知 — something that happened that the person has to act on' })
export class Notification {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field(() => ID, { description: 'The district it happened in' }) tenantId!: string;
  @Field(() => NotificationKindValue, { description: '类型' }) kind!: NotificationKindValue;
  @Field({ description: '标题' }) title!: string;
  @Field({ description: '内容' }) body!: string;
  @Field({ description: 'Finding or Interview' }) recordType!: string;
  @Field(() => ID, { description: 'The finding or interview it is about' }) recordId!: string;
  @Field({ description: '时间' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: '已读时间; null while unread' }) readAt!: Date | null;
}

export const NotificationConnection = ConnectionType(Notification, 'Notification', '站内通知, newest first');
