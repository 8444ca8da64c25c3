package org.tandem.relationship;

import static org.tandem.common.ModelSteps.delegate;
import static org.tandem.common.ModelSteps.listener;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.common.Caller;
import org.tandem.common.ModelContract;
import org.tandem.contracting.ContractService;
import org.tandem.contracting.ContractSummary;
import org.tandem.evaluation.EvaluationProcess;
import org.tandem.evaluation.Questionnaire;

/** The service tasks, events and listeners of {@code relationship.bpmn} and {@code sessions.bpmn}. */
@Configuration(proxyBeanMethods = false)
class RelationshipDelegates {

  /** {@code Task_OpenRelationship}: records the matched pair and makes the relationship's id the business key. */
  @Bean
  JavaDelegate openRelationship(RelationshipService relationships) {
    return delegate(RelationshipVariables::new, (variables, execution) -> {
      String openedBy = Caller.userId(execution.getProcessEngineServices());
      Relationship relationship = relationships.open(variables.pairing(openedBy));
      variables.relationshipId(relationship.id());
      execution.setProcessBusinessKey(relationship.id());
    });
  }

  /** {@code Event_StartEvaluationDue} (EVA-1): the client's start evaluation, once the contract is in force. */
  @Bean
  JavaDelegate inviteStartEvaluation(EvaluationProcess evaluations) {
    return delegate(RelationshipVariables::new, variables -> evaluations.invite(variables.relationshipId(),
        variables.kind().name(), variables.clientId(), Questionnaire.CLIENT_START));
  }

  /** {@code Task_CountSession}: what falls due after the session just held. */
  @Bean
  JavaDelegate countSession(RelationshipService relationships, ContractService contracts) {
    return delegate(RelationshipVariables::new, variables -> {
      SessionPolicy.AfterSession after = relationships.afterSession(variables.relationshipId());
      variables.afterSession(after, contracts.inForce(variables.relationshipId()).orElseThrow());
    });
  }

  /** {@code Task_RecordGo} (GO-1). */
  @Bean
  JavaDelegate recordGo(RelationshipService relationships) {
    return delegate(RelationshipVariables::new,
        variables -> relationships.goOn(variables.relationshipId(), variables.firstMeetingDecisions()));
  }

  /** {@code Task_RecordNoGo} (GO-1). */
  @Bean
  JavaDelegate recordNoGo(RelationshipService relationships) {
    return delegate(RelationshipVariables::new, variables -> relationships.stopAfterFirstMeeting(
        variables.relationshipId(), variables.firstMeetingDecisions(), variables.stopReason(),
        variables.stopReasonDetails()));
  }

  /** {@code Event_MiddleEvaluationsDue} (EVA-1): the client's and the coach's middle evaluations. */
  @Bean
  JavaDelegate inviteMiddleEvaluations(RelationshipService relationships, EvaluationProcess evaluations) {
    return delegate(RelationshipVariables::new, variables -> {
      String kind = variables.kind().name();
      evaluations.invite(variables.relationshipId(), kind, variables.clientId(), Questionnaire.CLIENT_MIDDLE);
      evaluations.invite(variables.relationshipId(), kind, variables.coachId(), Questionnaire.COACH_MIDDLE);
      relationships.middleEvaluationsInvited(variables.relationshipId());
    });
  }

  /** {@code Task_RecordReview} (REV-1). */
  @Bean
  JavaDelegate recordReview(RelationshipService relationships) {
    return delegate(RelationshipVariables::new, variables -> variables.reviewed(
        relationships.review(variables.relationshipId(), variables.sessionsHeld(), variables.reviewDecisions())));
  }

  /** {@code Task_RecordEarlyEnding} (END-1, END-2). */
  @Bean
  JavaDelegate recordEarlyEnding(RelationshipService relationships) {
    return delegate(RelationshipVariables::new, variables -> relationships.endEarly(variables.relationshipId(),
        variables.endedBy(), variables.endReason(), variables.endReasonDetails()));
  }

  /** The standing tasks "End the relationship early" offer the reasons open to the relationship's kind (END-1). */
  @Bean
  TaskListener offerEndReasons() {
    return listener(RelationshipVariables::new, (variables, task) -> task.setVariableLocal(
        RelationshipVariables.END_REASONS, RelationshipVariables.reasonOptions(variables.kind())));
  }

  /** {@code Task_CloseRelationship}: closed with its outcome (REV-3). */
  @Bean
  JavaDelegate closeRelationship(RelationshipService relationships) {
    return delegate(RelationshipVariables::new, variables -> relationships.close(variables.relationshipId()));
  }

  /** {@code Event_EndEvaluationsDue} (EVA-1, EVA-2, EVA-3): client, coach and, if any, the sponsor. */
  @Bean
  JavaDelegate inviteEndEvaluations(ContractService contracts, EvaluationProcess evaluations) {
    return delegate(RelationshipVariables::new, variables -> {
      String id = variables.relationshipId();
      String kind = variables.kind().name();
      String goals = contracts.inForce(id).map(contract -> ContractSummary.goals(contract.terms().goals()))
          .orElse("");
      evaluations.invite(id, kind, variables.clientId(), Questionnaire.CLIENT_END, goals);
      evaluations.invite(id, kind, variables.coachId(), Questionnaire.COACH_END);
      evaluations.invite(id, kind, variables.sponsorId(), Questionnaire.SPONSOR_END, goals);
    });
  }

  /** What this capability relies on in the sessions model: the standing tasks it completes and the decisions. */
  @Bean
  ModelContract sessionsModelContract() {
    return ModelContract.of("sessions", "the relationship (ending early from the API, go/no-go, reviews)")
        .elements(RelationshipProcess.COACH_ENDS_EARLY, RelationshipProcess.CLIENT_ENDS_EARLY)
        .variables(RelationshipVariables.COACH_GOES_ON, RelationshipVariables.CLIENT_GOES_ON,
            RelationshipVariables.STOP_REASON, RelationshipVariables.COACH_REVIEW_DECISION,
            RelationshipVariables.CLIENT_REVIEW_DECISION, RelationshipVariables.END_REASON,
            RelationshipVariables.END_REASON_OTHER);
  }
}
