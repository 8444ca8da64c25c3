package org.tandem.session;

import static org.tandem.common.ModelSteps.delegate;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.common.LifecycleSettings;
import org.tandem.common.ModelContract;

/** The service tasks and events of {@code processes/session.bpmn}. */
@Configuration(proxyBeanMethods = false)
class SessionDelegates {

  /** {@code Task_PlanSession}: the agreed time, if any, and when the record becomes overdue. */
  @Bean
  JavaDelegate planSession(SessionService sessions, LifecycleSettings settings) {
    return delegate(SessionVariables::new, variables -> sessions.agreed(variables.relationshipId(), variables.number())
        .ifPresentOrElse(planned -> variables.planned(planned, sessions.recordDueBy(planned), settings.zone()),
            variables::notAgreed));
  }

  /** {@code Task_SaveArrangement}. */
  @Bean
  JavaDelegate saveSessionArrangement(SessionService sessions, LifecycleSettings settings) {
    return delegate(SessionVariables::new, variables -> {
      PlannedSession planned = sessions.arrange(variables.relationshipId(), variables.number(), variables.arrangedAt());
      variables.planned(planned, sessions.recordDueBy(planned), settings.zone());
    });
  }

  /** {@code Task_SaveRecord} (SES-1). */
  @Bean
  JavaDelegate recordSession(SessionService sessions) {
    return delegate(SessionVariables::new, variables -> {
      sessions.record(variables.relationshipId(), variables.record(), variables.coachId(), variables.nextSession());
      variables.goalsChanged(variables.goalsChanged());
    });
  }

  /** {@code Task_SaveChange} (SES-4). */
  @Bean
  JavaDelegate recordSessionChange(SessionService sessions) {
    return delegate(SessionVariables::new, variables -> {
      String role = variables.changedByRole();
      String person = "CLIENT".equals(role) ? variables.clientId() : variables.coachId();
      SessionService.Change change = sessions.change(variables.relationshipId(), variables.number(), person, role,
          variables.movedTo());
      variables.changed(change.late(), change.recordDueBy());
    });
  }

  /** {@code Event_FeedbackInvited} (SES-3): the optional feedback and reflection, in a process of their own. */
  @Bean
  JavaDelegate inviteSessionFeedback(SessionFeedbackProcess feedback) {
    return delegate(SessionVariables::new, variables -> feedback.invite(variables.relationshipId(),
        variables.coachId(), variables.clientId(), variables.number()));
  }

  /** What the session's records rely on in its model: the record's and the change's fields. */
  @Bean
  ModelContract sessionModelContract() {
    return ModelContract.of("session", "the session records")
        .variables(SessionVariables.HELD_ON, SessionVariables.START_TIME, SessionVariables.END_TIME,
            SessionVariables.GOALS_CHANGED, SessionVariables.NEXT_SESSION_DATE, SessionVariables.NEXT_SESSION_TIME,
            SessionVariables.NEW_DATE, SessionVariables.NEW_TIME);
  }
}
