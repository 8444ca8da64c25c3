package org.tandem.privacy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.common.ConflictException;
import org.tandem.common.InvalidInputException;
import org.tandem.common.NotFoundException;
import org.tandem.common.NotPermittedException;
import org.tandem.common.PartyVariables;
import org.tandem.identity.People;

/** The steps of {@code erasure-request} (DP-1, DP-2). */
@Configuration(proxyBeanMethods = false)
class ErasureDelegates {

  static final String REQUEST_ID = "erasureRequestId";
  static final String SUBJECT_ID = PartyVariables.SUBJECT_ID;
  static final String RAISED_BY = PartyVariables.RAISED_BY;

  private final Erasure erasure;
  private final ErasureRequests requests;
  private final ConsentService consents;
  private final People people;

  ErasureDelegates(Erasure erasure, ErasureRequests requests, ConsentService consents, People people) {
    this.erasure = erasure;
    this.requests = requests;
    this.consents = consents;
    this.people = people;
  }

  /**
   * {@code Task_RecordErasureRequest}: whose data (the person who asks, unless a coordinator names someone), the
   * checks that keep bad requests out, and what the coordinator needs to verify it. A person who withdraws their
   * consent here stops all processing at once (DP-1).
   */
  @Bean
  JavaDelegate recordErasureRequest() {
    return (DelegateExecution execution) -> {
      String raisedBy = text(execution.getVariable(RAISED_BY));
      if (raisedBy == null) {
        throw new InvalidInputException(SUBJECT_ID, "Log in to ask for data to be erased.");
      }
      String named = text(execution.getVariable(SUBJECT_ID));
      String subject = named == null ? raisedBy : named;
      boolean withdraw = Boolean.TRUE.equals(execution.getVariable("withdrawConsent"));
      if (withdraw && !subject.equals(raisedBy)) {
        throw new InvalidInputException("withdrawConsent", "Only the person themselves withdraws their consent.");
      }
      ErasureRequests.ErasureRequest request;
      try {
        request = erasure.raise(subject, raisedBy, text(execution.getVariable("reason")));
      } catch (NotFoundException | NotPermittedException | ConflictException refused) {
        throw new InvalidInputException(SUBJECT_ID, refused.getMessage());
      }
      execution.setProcessBusinessKey(request.id());
      execution.setVariable(REQUEST_ID, request.id());
      execution.setVariable(SUBJECT_ID, subject);
      execution.setVariable("subjectName", people.find(subject).map(People.Person::displayName).orElse(subject));
      execution.setVariable("raisedByDescription", subject.equals(raisedBy)
          ? "the person themselves" : "coordinator " + raisedBy + " on their behalf");
      execution.setVariable("reasonGiven", request.reason() == null ? "none given" : request.reason());
      if (withdraw) {
        consents.withdraw(subject);
        erasure.stopProcessing(subject);
      }
      execution.setVariable("reasonsToHold", holds(subject));
    };
  }

  /**
   * {@code Task_VerifyErasure}, on completion: erasing needs the person's identity verified and no reason to hold;
   * holding needs a reason, which the person is told.
   */
  @Bean
  TaskListener checkErasureDecision() {
    return (DelegateTask task) -> {
      String requestId = (String) task.getVariable(REQUEST_ID);
      String subject = (String) task.getVariable(SUBJECT_ID);
      String decision = text(task.getVariable("erasureDecision"));
      String decidedBy = task.getAssignee() != null ? task.getAssignee()
          : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
              : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
      if ("ERASE".equals(decision)) {
        if (!Boolean.TRUE.equals(task.getVariable("identityVerified"))) {
          throw new InvalidInputException("identityVerified",
              "Verify the identity of the person who asked before erasing their data.");
        }
        var holds = erasure.reasonsToHold(subject);
        if (!holds.isEmpty()) {
          throw new InvalidInputException("erasureDecision", "Hold the request: " + String.join(" ", holds));
        }
        requests.erasing(requestId, decidedBy);
      } else if ("HOLD".equals(decision)) {
        String reason = text(task.getVariable("holdReason"));
        if (reason == null) {
          throw new InvalidInputException("holdReason", "Say why the request is held: the person is told.");
        }
        requests.held(requestId, decidedBy, reason);
      } else {
        throw new InvalidInputException("erasureDecision", "Choose to erase the data or to hold the request.");
      }
    };
  }

  /** {@code Task_HoldErasure}: the person who asked is told why. */
  @Bean
  JavaDelegate holdErasure(ApplicationEventPublisher events) {
    return (DelegateExecution execution) -> {
      String requestId = (String) execution.getVariable(REQUEST_ID);
      ErasureRequests.ErasureRequest request = requests.find(requestId).orElseThrow();
      events.publishEvent(new ErasureHeld(requestId, request.raisedBy(), request.holdReason()));
    };
  }

  /** {@code Task_StopProcessing}: nothing more is done for the person. */
  @Bean
  JavaDelegate stopForErasure() {
    return (DelegateExecution execution) -> erasure.stopProcessing((String) execution.getVariable(SUBJECT_ID));
  }

  /** {@code Task_ErasePerson}: the erasure itself; the request's own variables go with the rest. */
  @Bean
  JavaDelegate erasePerson() {
    return (DelegateExecution execution) -> erasure.erase((String) execution.getVariable(REQUEST_ID));
  }

  /** {@code records-retention}: every night, the records past their retention period go (DP-3). */
  @Bean
  JavaDelegate disposeExpiredRecords(Retention retention) {
    return (DelegateExecution execution) -> retention.disposeOfExpired();
  }

  private String holds(String subject) {
    var holds = erasure.reasonsToHold(subject);
    return holds.isEmpty() ? "none" : String.join(" ", holds);
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }
}
