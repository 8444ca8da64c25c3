package org.tandem.privacy;

import static org.tandem.common.ModelSteps.delegate;
import static org.tandem.common.ModelSteps.listener;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.common.Caller;

/** The steps of {@code erasure-request} (DP-1, DP-2); the rules are {@link ErasureDecisions}'. */
@Configuration(proxyBeanMethods = false)
class ErasureDelegates {

  /** {@code Task_RecordErasureRequest}: the request is recorded, or refused (DP-1, DP-2). */
  @Bean
  JavaDelegate recordErasureRequest(ErasureDecisions decisions) {
    return delegate(ErasureVariables::new, (variables, execution) -> {
      var recorded = decisions.record(variables.raisedBy(), variables.namedSubject(), variables.withdrawConsent(),
          variables.reason());
      execution.setProcessBusinessKey(recorded.requestId());
      variables.recorded(recorded);
    });
  }

  /** {@code Task_VerifyErasure}, on completion: the coordinator's decision to erase or to hold (DP-2). */
  @Bean
  TaskListener checkErasureDecision(ErasureDecisions decisions) {
    return listener(ErasureVariables::new, (variables, task) -> decisions.decide(variables.requestId(),
        variables.subjectId(), variables.decision(), variables.identityVerified(), variables.holdReason(),
        decidedBy(task)));
  }

  /** {@code Task_HoldErasure}: the person who asked is told why. */
  @Bean
  JavaDelegate holdErasure(ErasureRequests requests, ApplicationEventPublisher events) {
    return delegate(ErasureVariables::new, variables -> {
      String requestId = variables.requestId();
      ErasureRequests.ErasureRequest request = requests.find(requestId).orElseThrow();
      events.publishEvent(new ErasureHeld(requestId, request.raisedBy(), request.holdReason()));
    });
  }

  /** {@code Task_StopProcessing}: nothing more is done for the person (DP-1). */
  @Bean
  JavaDelegate stopForErasure(Erasure erasure) {
    return delegate(ErasureVariables::new, variables -> erasure.stopProcessing(variables.subjectId()));
  }

  /** {@code Task_ErasePerson}: the erasure itself; the request's own variables go with the rest (DP-2). */
  @Bean
  JavaDelegate erasePerson(Erasure erasure) {
    return delegate(ErasureVariables::new, variables -> erasure.erase(variables.requestId()));
  }

  private static String decidedBy(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    return Caller.userId(task.getProcessEngineServices());
  }
}
