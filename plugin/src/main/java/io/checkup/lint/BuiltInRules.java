package io.checkup.lint;

import io.checkup.lint.rules.AsyncContinuationRule;
import io.checkup.lint.rules.CallActivityRule;
import io.checkup.lint.rules.CancelEventRule;
import io.checkup.lint.rules.CascadedConditionsRule;
import io.checkup.lint.rules.CheckupDisableRule;
import io.checkup.lint.rules.CompensationRule;
import io.checkup.lint.rules.DeadlockRule;
import io.checkup.lint.rules.DefinitionsRule;
import io.checkup.lint.rules.DiagramRule;
import io.checkup.lint.rules.DuplicateIdRule;
import io.checkup.lint.rules.ElementDiversityRule;
import io.checkup.lint.rules.ErrorRefRule;
import io.checkup.lint.rules.EscalationHandlerRule;
import io.checkup.lint.rules.EscalationRefRule;
import io.checkup.lint.rules.EventSubscriptionRule;
import io.checkup.lint.rules.ExclusiveGatewayRule;
import io.checkup.lint.rules.ExpressionSyntaxRule;
import io.checkup.lint.rules.FakeBranchRule;
import io.checkup.lint.rules.FormDefinitionRule;
import io.checkup.lint.rules.FormFieldRule;
import io.checkup.lint.rules.FormFieldValueRule;
import io.checkup.lint.rules.HistoryTimeToLiveRule;
import io.checkup.lint.rules.HistoryTimeToLiveValueRule;
import io.checkup.lint.rules.HumanPerformerRule;
import io.checkup.lint.rules.InputOutputRule;
import io.checkup.lint.rules.LackOfSynchronizationRule;
import io.checkup.lint.rules.ListenerImplementationRule;
import io.checkup.lint.rules.MessageRefRule;
import io.checkup.lint.rules.MessageStartEventRule;
import io.checkup.lint.rules.ModelSizeRule;
import io.checkup.lint.rules.MultiInstanceRule;
import io.checkup.lint.rules.PriorityRule;
import io.checkup.lint.rules.SignalRefRule;
import io.checkup.lint.rules.TaskImplementationRule;
import io.checkup.lint.rules.TimerExpressionRule;
import io.checkup.lint.rules.TimerStartEventRule;
import io.checkup.lint.rules.UnreachableRule;
import io.checkup.lint.rules.UserTaskAssignmentRule;
import io.checkup.lint.rules.UserTaskDueDateRule;
import io.checkup.lint.rules.UserTaskPriorityRule;
import io.checkup.lint.rules.bpmnlint.AdHocSubProcessRule;
import io.checkup.lint.rules.bpmnlint.ConditionalEventRule;
import io.checkup.lint.rules.bpmnlint.ConditionalFlowsRule;
import io.checkup.lint.rules.bpmnlint.EndEventRequiredRule;
import io.checkup.lint.rules.bpmnlint.EventBasedGatewayRule;
import io.checkup.lint.rules.bpmnlint.EventSubProcessTypedStartEventRule;
import io.checkup.lint.rules.bpmnlint.FakeJoinRule;
import io.checkup.lint.rules.bpmnlint.GlobalRule;
import io.checkup.lint.rules.bpmnlint.LabelRequiredRule;
import io.checkup.lint.rules.bpmnlint.LinkEventRule;
import io.checkup.lint.rules.bpmnlint.NoComplexGatewayRule;
import io.checkup.lint.rules.bpmnlint.NoDisconnectedRule;
import io.checkup.lint.rules.bpmnlint.NoDuplicateSequenceFlowsRule;
import io.checkup.lint.rules.bpmnlint.NoGatewayJoinForkRule;
import io.checkup.lint.rules.bpmnlint.NoImplicitEndRule;
import io.checkup.lint.rules.bpmnlint.NoImplicitSplitRule;
import io.checkup.lint.rules.bpmnlint.NoImplicitStartRule;
import io.checkup.lint.rules.bpmnlint.NoInclusiveGatewayRule;
import io.checkup.lint.rules.bpmnlint.SingleBlankStartEventRule;
import io.checkup.lint.rules.bpmnlint.SingleEventDefinitionRule;
import io.checkup.lint.rules.bpmnlint.StartEventRequiredRule;
import io.checkup.lint.rules.bpmnlint.SubProcessBlankStartEventRule;
import io.checkup.lint.rules.bpmnlint.SuperfluousGatewayRule;
import io.checkup.lint.rules.bpmnlint.SuperfluousTerminationRule;
import java.util.List;

/** The rule catalog of docs/rules, in the order the docs list it. */
final class BuiltInRules {

  private BuiltInRules() {}

  static List<Rule> all() {
    return List.of(
        // the rules this product exists for
        new CascadedConditionsRule(),
        new FakeBranchRule(),
        new ElementDiversityRule(),
        // parity with bpmnlint: same ids, same meaning
        new AdHocSubProcessRule(),
        new ConditionalEventRule(),
        new ConditionalFlowsRule(),
        new EndEventRequiredRule(),
        new EventBasedGatewayRule(),
        new EventSubProcessTypedStartEventRule(),
        new FakeJoinRule(),
        new GlobalRule(),
        new LabelRequiredRule(),
        new LinkEventRule(),
        new NoComplexGatewayRule(),
        new NoDisconnectedRule(),
        new NoDuplicateSequenceFlowsRule(),
        new NoGatewayJoinForkRule(),
        new NoImplicitEndRule(),
        new NoImplicitSplitRule(),
        new NoImplicitStartRule(),
        new NoInclusiveGatewayRule(),
        new SingleBlankStartEventRule(),
        new SingleEventDefinitionRule(),
        new StartEventRequiredRule(),
        new SubProcessBlankStartEventRule(),
        new SuperfluousGatewayRule(),
        new SuperfluousTerminationRule(),
        // flow analysis
        new UnreachableRule(),
        new DeadlockRule(),
        new LackOfSynchronizationRule(),
        new ModelSizeRule(),
        // Camunda specific
        new UserTaskAssignmentRule(),
        new HistoryTimeToLiveRule(),
        new HistoryTimeToLiveValueRule(),
        new TimerExpressionRule(),
        new ExclusiveGatewayRule(),
        new TaskImplementationRule(),
        new MessageRefRule(),
        new MultiInstanceRule(),
        new CancelEventRule(),
        new AsyncContinuationRule(),
        new SignalRefRule(),
        new CallActivityRule(),
        new ErrorRefRule(),
        new EscalationRefRule(),
        new EscalationHandlerRule(),
        new ListenerImplementationRule(),
        new InputOutputRule(),
        new TimerStartEventRule(),
        new EventSubscriptionRule(),
        new MessageStartEventRule(),
        new CompensationRule(),
        new FormDefinitionRule(),
        new FormFieldRule(),
        new FormFieldValueRule(),
        new PriorityRule(),
        new UserTaskPriorityRule(),
        new UserTaskDueDateRule(),
        new ExpressionSyntaxRule(),
        new HumanPerformerRule(),
        new DefinitionsRule(),
        new DiagramRule(),
        new CheckupDisableRule(),
        new DuplicateIdRule());
  }
}
