import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { PeopleOnly } from '../../auth/auth-checker.js';
import { PARTNER_TEAM, STAFF_ROLES } from '../../auth/roles.js';
import { User } from '../../auth/user.entity.js';
import { OutboxEmail } from '../../emails/outbox-email.entity.js';
import { PageArgs } from '../../shared/pagination.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { ApplicationNote } from './application-note.entity.js';
import { ResellerApplication } from './reseller-application.entity.js';
import {
  AddApplicationNoteInput,
  ApplicationIdInput,
  ApproveResellerApplicationInput,
  ApproveResellerApplicationPayload,
  RejectResellerApplicationInput,
  ResellerApplicationConnection,
  ResellerApplicationFilter,
  ResellerApplicationOrder,
  ResellerApplicationPayload,
} from './reseller-application.inputs.js';
import {
  addApplicationNote,
  approveResellerApplication,
  getResellerApplication,
  listResellerApplications,
  rejectResellerApplication,
  startApplicationReview,
} from './reseller-application.service.js';

/** ISP staff review applications (SPEC §2.2): partner team decides, finance may read. */
@Authorized(...STAFF_ROLES)
@Resolver(() => ResellerApplication)
export class ResellerApplicationResolver {
  @Query(() => ResellerApplicationConnection)
  resellerApplications(
    @Args() page: PageArgs,
    @Arg('filter', () => ResellerApplicationFilter, { nullable: true }) filter: ResellerApplicationFilter | null,
    @Arg('orderBy', () => ResellerApplicationOrder, { nullable: true }) orderBy: ResellerApplicationOrder | null,
    @Ctx() ctx: Context,
  ) {
    return listResellerApplications(ctx, filter, orderBy, page);
  }

  @Query(() => ResellerApplication)
  resellerApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getResellerApplication(ctx, id);
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => ResellerApplicationPayload)
  async startApplicationReview(@Arg('input') input: ApplicationIdInput, @Ctx() ctx: Context) {
    return { application: await startApplicationReview(ctx, input.applicationId) };
  }

  @Authorized(...PARTNER_TEAM)
  @PeopleOnly('Notes are written by people; an API key cannot add one')
  @Mutation(() => ResellerApplicationPayload)
  async addApplicationNote(@Arg('input') input: AddApplicationNoteInput, @Ctx() ctx: Context) {
    return { application: (await addApplicationNote(ctx, input)).application };
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => ApproveResellerApplicationPayload, { description: 'Atomic and idempotent: exactly one reseller per application.' })
  approveResellerApplication(@Arg('input') input: ApproveResellerApplicationInput, @Ctx() ctx: Context) {
    return approveResellerApplication(ctx, input);
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => ResellerApplicationPayload)
  async rejectResellerApplication(@Arg('input') input: RejectResellerApplicationInput, @Ctx() ctx: Context) {
    return { application: await rejectResellerApplication(ctx, input) };
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who started the review.' })
  reviewer(@Root() application: ResellerApplication, @Ctx() ctx: Context) {
    return application.reviewer ? ctx.loaders.byId(User).load(application.reviewer.id) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who approved or rejected it (null for an API key).' })
  decidedBy(@Root() application: ResellerApplication, @Ctx() ctx: Context) {
    return application.decidedBy ? ctx.loaders.byId(User).load(application.decidedBy.id) : null;
  }

  @FieldResolver(() => Reseller, { nullable: true, description: 'The reseller created by approval.' })
  reseller(@Root() application: ResellerApplication, @Ctx() ctx: Context) {
    return application.reseller ? ctx.loaders.byId(Reseller).load(application.reseller.id) : null;
  }

  @FieldResolver(() => [ApplicationNote])
  notes(@Root() application: ResellerApplication, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(ApplicationNote, 'application').load(application.id);
  }

  @Authorized(...PARTNER_TEAM)
  @FieldResolver(() => [OutboxEmail], { description: 'Emails sent about this application (they may hold invitation links).' })
  emails(@Root() application: ResellerApplication, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(OutboxEmail, 'relatedId').load(application.id);
  }

  @FieldResolver(() => [AuditEvent], { description: 'What happened to this application, oldest first.' })
  history(@Root() application: ResellerApplication, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(AuditEvent, 'entityId', { entityType: 'ResellerApplication' }).load(application.id);
  }
}

@Authorized(...STAFF_ROLES)
@Resolver(() => ApplicationNote)
export class ApplicationNoteResolver {
  @FieldResolver(() => User)
  author(@Root() note: ApplicationNote, @Ctx() ctx: Context) {
    return ctx.loaders.byId(User).load(note.author.id);
  }
}
