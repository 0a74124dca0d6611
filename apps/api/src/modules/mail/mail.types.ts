import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('MailMessage', { description: 'A mail the app sent, or queued in the outbox when SMTP_URL is unset' })
export class MailMessageObject {
  @Field(() => ID)
  id!: string;

  @Field(() => [String])
  to!: string[];

  @Field(() => String)
  subject!: string;

  @Field(() => String)
  body!: string;

  @Field(() => String, { description: 'outbox or smtp' })
  transport!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;
}
