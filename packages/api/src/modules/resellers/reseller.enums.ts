import { registerEnumType } from 'type-graphql';

export enum ResellerStatus {
  ONBOARDING = 'ONBOARDING',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(ResellerStatus, { name: 'ResellerStatus' });

export enum ResellerTier {
  BRONZE = 'BRONZE',
  SILVER = 'SILVER',
  GOLD = 'GOLD',
  PLATINUM = 'PLATINUM',
}
registerEnumType(ResellerTier, { name: 'ResellerTier' });
