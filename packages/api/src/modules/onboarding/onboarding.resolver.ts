import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { PARTNER_TEAM, RESELLER_ROLES, STAFF_ROLES } from '../../auth/roles.js';
import { forbidden } from '../../shared/errors.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { openPrerequisites } from './onboarding-checklist.js';
import { OnboardingTask, OnboardingTaskStatus } from './onboarding-task.entity.js';
import { completeOnboardingTask, onboardingOf, overdueOnboardingTasks, summarize } from './onboarding.service.js';

@ObjectType()
class OnboardingChecklist {
  @Field(() => Reseller) reseller!: Reseller;
  @Field(() => [OnboardingTask]) tasks!: OnboardingTask[];
  @Field(() => Int, { description: 'Whole percent of tasks completed.' }) progressPercent!: number;
  @Field({ description: 'Approval + 45 days (YYYY-MM-DD).' }) targetDate!: string;
  @Field(() => Int) overdueCount!: number;
}

@InputType()
class CompleteOnboardingTaskInput {
  @Field(() => ID) taskId!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType()
class CompleteOnboardingTaskPayload {
  @Field(() => OnboardingChecklist) checklist!: OnboardingChecklist;
}

const today = (ctx: Context) => ctx.app.clock.now().toISOString().slice(0, 10);

@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => OnboardingTask)
export class OnboardingResolver {
  @Query(() => OnboardingChecklist, { description: "A reseller's onboarding checklist (a partner sees its own)." })
  onboarding(@Arg('resellerId', () => ID) resellerId: string, @Ctx() ctx: Context) {
    return onboardingOf(ctx, resellerId);
  }

  @Authorized(...RESELLER_ROLES)
  @Query(() => OnboardingChecklist, { description: "The signed-in partner's onboarding checklist." })
  myOnboarding(@Ctx() ctx: Context) {
    if (!ctx.actor?.resellerId) throw forbidden();
    return onboardingOf(ctx, ctx.actor.resellerId);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => [OnboardingTask], { description: 'Open tasks past their due date, across resellers (at most 500).' })
  overdueOnboardingTasks(@Ctx() ctx: Context) {
    return overdueOnboardingTasks(ctx);
  }

  @Authorized(...PARTNER_TEAM, ...RESELLER_ROLES)
  @Mutation(() => CompleteOnboardingTaskPayload, { description: 'Partner tasks in the portal, ISP tasks in the admin console; prerequisites first.' })
  async completeOnboardingTask(@Arg('input') input: CompleteOnboardingTaskInput, @Ctx() ctx: Context) {
    return { checklist: await completeOnboardingTask(ctx, input) };
  }

  @FieldResolver(() => Reseller)
  reseller(@Root() task: OnboardingTask, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Reseller).load(task.reseller.id);
  }

  @FieldResolver(() => Boolean, { description: 'Open and past its due date.' })
  overdue(@Root() task: OnboardingTask, @Ctx() ctx: Context) {
    return task.status === OnboardingTaskStatus.PENDING && task.dueDate < today(ctx);
  }

  @FieldResolver(() => [String], { description: 'Prerequisites not completed yet (the task cannot be completed before them).' })
  async blockedBy(@Root() task: OnboardingTask, @Ctx() ctx: Context) {
    const siblings = await ctx.loaders.manyBy(OnboardingTask, 'reseller').load(task.reseller.id);
    return openPrerequisites(task.key, new Set(siblings.filter((t) => t.status === OnboardingTaskStatus.COMPLETED).map((t) => t.key)));
  }
}

@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => Reseller)
export class ResellerOnboardingResolver {
  @FieldResolver(() => OnboardingChecklist)
  async onboarding(@Root() reseller: Reseller, @Ctx() ctx: Context) {
    return summarize(reseller, await ctx.loaders.manyBy(OnboardingTask, 'reseller').load(reseller.id), today(ctx));
  }
}
