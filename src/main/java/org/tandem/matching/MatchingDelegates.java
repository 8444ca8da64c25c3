package org.tandem.matching;

import static org.tandem.common.ModelSteps.delegate;

import java.util.Set;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.common.Caller;
import org.tandem.common.HistoryExclusion;
import org.tandem.common.ModelContract;
import org.tandem.relationship.RelationshipProcess;

/** The service tasks of {@code processes/coaching-request.bpmn}. */
@Configuration(proxyBeanMethods = false)
class MatchingDelegates {

  /** {@code Task_RecordRequest} (MAT-1, DP-1): the request's id becomes the business key. */
  @Bean
  JavaDelegate recordRequest(MatchingService matching) {
    return delegate(MatchingVariables::new, (variables, execution) -> {
      CoachingRequest request = matching.request(variables.form());
      variables.requested(request, RequestSummary.markdown(request));
      execution.setProcessBusinessKey(request.id());
    });
  }

  /** {@code Task_DrawUpShortlist} (MAT-2). */
  @Bean
  JavaDelegate drawUpShortlist(MatchingService matching) {
    return delegate(MatchingVariables::new,
        variables -> {
          variables.shortlist(matching.shortlist(variables.requestId()));
          variables.sponsorOptions(matching.sponsorsFor(variables.requestId()));
        });
  }

  /** {@code Task_RecordChoice} (MAT-3): only a coach from the shortlist. */
  @Bean
  JavaDelegate recordChoice(MatchingService matching) {
    return delegate(MatchingVariables::new,
        variables -> matching.choose(variables.requestId(), variables.chosenCoachId(), variables.shortlist(),
            variables.sponsorId()));
  }

  /** {@code Task_RecordAnswer} (MAT-3). */
  @Bean
  JavaDelegate recordMatchAnswer(MatchingService matching) {
    return delegate(MatchingVariables::new, variables -> {
      boolean accepted = variables.accepted();
      int failed = matching.answered(variables.requestId(), variables.chosenCoachId(), accepted);
      variables.answered(accepted, failed, matching.attemptsLeft(failed));
    });
  }

  /** {@code Task_RecordNoAnswer} (MAT-3): the deadline passed without an answer. */
  @Bean
  JavaDelegate recordNoAnswer(MatchingService matching) {
    return delegate(MatchingVariables::new, variables -> {
      int failed = matching.noAnswer(variables.requestId(), variables.chosenCoachId());
      variables.answered(false, failed, matching.attemptsLeft(failed));
    });
  }

  /** {@code Task_HandToCoordinator} (MAT-3): the request goes to the coordinators, with whom they may match it. */
  @Bean
  JavaDelegate handToCoordinator(MatchingService matching) {
    return delegate(MatchingVariables::new, variables -> {
      matching.toCoordinator(variables.requestId());
      variables.handCandidates(matching.handCandidates(variables.requestId()));
    });
  }

  /** {@code Task_RecordHandMatch} (MAT-3). */
  @Bean
  JavaDelegate recordHandMatch(MatchingService matching) {
    return delegate(MatchingVariables::new, (variables, execution) -> {
      String coordinator = Caller.userId(execution.getProcessEngineServices());
      matching.matchByHand(variables.requestId(), variables.handCoachId(),
          coordinator == null ? "coordinator" : coordinator);
      variables.matchedByHand(variables.handCoachId());
    });
  }

  /** {@code Task_StartRelationship}: acceptance starts the relationship of the pair (MAT-3). */
  @Bean
  JavaDelegate startRelationship(MatchingService matching, RelationshipProcess relationships) {
    return delegate(MatchingVariables::new, variables -> {
      CoachingRequest request = matching.existing(variables.requestId());
      String relationshipId = relationships.start(request.kind(), variables.matchedCoachId(), request.clientId(),
          request.sponsorId());
      matching.matched(request.id(), relationshipId);
      variables.relationshipId(relationshipId);
    });
  }

  /** What matching and the coordinators' filters rely on in the request model. */
  @Bean
  ModelContract coachingRequestModelContract() {
    return ModelContract.of("coaching-request", "matching (the client's choice, the coach's answer, hand matching)")
        .elements(CoachingRequestProcess.CHOOSE_TASK, CoachingRequestProcess.ANSWER_TASK,
            CoachingRequestProcess.MATCH_BY_HAND_TASK)
        .variables(MatchingVariables.CONSENT, MatchingVariables.KIND, MatchingVariables.DEVELOPMENT_NEED,
            MatchingVariables.CHOSEN_COACH_ID, MatchingVariables.COACH_ANSWER, MatchingVariables.HAND_COACH_ID);
  }

  /**
   * The people a client or a coordinator is shown to choose from: who else was on a shortlist or among the sponsors
   * concerns those people, not the request, so it stays out of the engine's history (the choice itself is kept, in
   * the request and its offers).
   */
  @Bean
  HistoryExclusion matchingListings() {
    return new HistoryExclusion(Set.of(MatchingVariables.SHORTLIST, MatchingVariables.SHORTLIST_OPTIONS,
        MatchingVariables.SHORTLIST_SUMMARY, MatchingVariables.SHORTLIST_CANDIDATES, MatchingVariables.HAND_OPTIONS,
        MatchingVariables.HAND_SUMMARY, MatchingVariables.SPONSOR_OPTIONS),
        "the coaches on a shortlist or matchable by hand, and the sponsors a client may name");
  }
}
