import { Entity, Enum, ManyToOne, OptionalProps, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';

export enum BankAccountType {
  CHECKING = 'CHECKING',
  SAVINGS = 'SAVINGS',
}
registerEnumType(BankAccountType, { name: 'BankAccountType' });

/**
 * Where a reseller's commissions are paid (SPEC §1, §4). The account number is encrypted at rest
 * (AES-256-GCM, key from configuration, see payout-crypto.ts) and has no GraphQL field: only its
 * last four digits leave the API. Set by the reseller owner; verified by finance before payment.
 */
@ObjectType('PayoutAccount')
@Entity({ tableName: 'payout_account' })
@Unique({ properties: ['reseller'] })
export class PayoutAccount extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'verifiedAt' | 'verifiedBy';

  @ManyToOne(() => Reseller, { deleteRule: 'cascade' }) reseller!: Rel<Reseller>;
  @Field() @Property({ type: 'text' }) holderName!: string;
  @Field(() => BankAccountType) @Enum({ items: () => BankAccountType, type: 'text' }) accountType!: BankAccountType;
  @Field({ description: 'ABA routing number (9 digits, check digit validated).' }) @Property({ type: 'text' }) routingNumber!: string;
  /** Encrypted account number (never exposed). */
  @Property({ type: 'text' }) accountNumberCiphertext!: string;
  @Field({ description: 'The last four digits of the account number: all that ever leaves the API.' }) @Property({ type: 'text' }) accountLast4!: string;
  @Field() @Property({ type: 'datetime', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field({ description: 'Who entered the current details.' }) @Property({ type: 'text' }) updatedBy!: string;
  @Field(() => Date, { nullable: true, description: 'Set when finance verified these details; cleared by any change.' }) @Property({ type: 'datetime', nullable: true }) verifiedAt: Date | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) verifiedBy: string | null = null;
}
