import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Reseller } from '../modules/resellers/reseller.entity.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';
import { ApiKey } from './api-key.entity.js';
import { Role } from './roles.js';
import { User } from './user.entity.js';

@InputType()
export class LoginInput {
  @Field(() => String, { nullable: true, description: "The ISP's tenant slug; the deployment's default when omitted." }) tenantSlug?: string | null;
  @Field() email!: string;
  @Field() password!: string;
}

@ObjectType()
export class LoginPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' }) token!: string;
  @Field() expiresAt!: Date;
  @Field(() => User) user!: User;
}

@InputType()
export class SetPasswordInput {
  @Field({ description: 'The token from the invitation link.' }) token!: string;
  @Field({ description: 'At least 12 characters with letters and digits.' }) password!: string;
}

@ObjectType()
export class SetPasswordPayload {
  @Field() email!: string;
  @Field(() => Tenant) tenant!: Tenant;
}

export enum ViewerKind {
  USER = 'USER',
  API_KEY = 'API_KEY',
}
registerEnumType(ViewerKind, { name: 'ViewerKind' });

/** Who the caller is. */
@ObjectType()
export class Viewer {
  @Field(() => ViewerKind) kind!: ViewerKind;
  @Field(() => Role) role!: Role;
  @Field(() => User, { nullable: true }) user!: User | null;
  @Field(() => ApiKey, { nullable: true }) apiKey!: ApiKey | null;
  @Field(() => Tenant) tenant!: Tenant;
  @Field(() => Reseller, { nullable: true }) reseller!: Reseller | null;
}

@InputType()
export class CreateApiKeyInput {
  @Field() name!: string;
  @Field(() => Role) role!: Role;
  @Field(() => ID, { nullable: true, description: 'Required for a reseller role: the reseller the key acts for.' }) resellerId?: string | null;
}

@ObjectType()
export class CreateApiKeyPayload {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field({ description: 'Shown once; store it now. Only its hash is kept.' }) secret!: string;
}

@InputType()
export class RevokeApiKeyInput {
  @Field(() => ID) apiKeyId!: string;
}

@ObjectType()
export class ApiKeyPayload {
  @Field(() => ApiKey) apiKey!: ApiKey;
}

@InputType()
export class InviteUserInput {
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => Role) role!: Role;
  @Field(() => ID, { nullable: true, description: 'Required for a reseller role (the reseller the user belongs to); empty for staff.' }) resellerId?: string | null;
}

@ObjectType()
export class UserPayload {
  @Field(() => User) user!: User;
}
