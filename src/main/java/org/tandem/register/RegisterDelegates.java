package org.tandem.register;

import static org.tandem.common.ModelSteps.delegate;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.common.Caller;
import org.tandem.common.HistoryExclusion;
import org.tandem.common.ModelContract;

/** The service tasks of {@code coach-registration.bpmn} and {@code cpd-annual-review.bpmn}. */
@Configuration(proxyBeanMethods = false)
class RegisterDelegates {

  /** {@code Task_RecordApplication} (REG-1, REG-3, DP-1): kept as applied for by the caller, and routed. */
  @Bean
  JavaDelegate recordApplication(RegisterService register) {
    return delegate(RegistrationVariables::new, (variables, execution) -> {
      Application application = variables.application();
      variables.recorded(application, register.apply(application,
          Caller.current(execution.getProcessEngineServices())));
      execution.setProcessBusinessKey(application.userId());
    });
  }

  /** {@code Task_RecordInterview} (REG-1): passed or not, with the assessor's notes. */
  @Bean
  JavaDelegate recordInterview(RegisterService register) {
    return delegate(RegistrationVariables::new, variables -> {
      RegistrationVariables.Interview interview = variables.interview();
      register.interviewed(variables.applicantId(), interview.passed(), interview.notes())
          .ifPresent(variables::refusalReason);
    });
  }

  /** {@code Task_ListProfile} (REG-1): the user in coaches, the profile listed. */
  @Bean
  JavaDelegate listProfile(RegisterService register) {
    return delegate(RegistrationVariables::new, variables -> register.list(variables.applicantId()));
  }

  /** {@code Task_RecordRefusal} (REG-1): refused, saying why. */
  @Bean
  JavaDelegate recordRefusal(RegisterService register) {
    return delegate(RegistrationVariables::new,
        variables -> register.refuse(variables.applicantId(), variables.refusalReason()));
  }

  /** {@code Task_FindShortCoaches} (REG-2). */
  @Bean
  JavaDelegate findCoachesShortOfCpd(CpdService cpd) {
    return delegate(CpdReviewVariables::new, variables -> variables.coachesShort(cpd.coachesShortOfCpd(cpd.today())));
  }

  /** {@code Task_RemindCoach} (REG-2): what is short, in the coach's task and by reminder. */
  @Bean
  JavaDelegate remindCoachOfCpd(CpdService cpd) {
    return delegate(CpdReviewVariables::new, variables -> variables.reminded(cpd.remind(variables.coachId())));
  }

  /** {@code Task_RecordEvidence} (REG-2): each entry of the form into the CPD log, then the requirement again. */
  @Bean
  JavaDelegate recordCpdEvidence(CpdService cpd) {
    return delegate(CpdReviewVariables::new, variables -> {
      String coach = variables.coachId();
      variables.evidence().forEach(entry -> cpd.record(coach, coach, entry));
      variables.evidenceRecorded(cpd.compliance(coach));
    });
  }

  /** {@code Task_CheckAtDeadline} (REG-2). */
  @Bean
  JavaDelegate checkCpd(CpdService cpd) {
    return delegate(CpdReviewVariables::new, variables -> variables.checked(cpd.compliance(variables.coachId())));
  }

  /** {@code Task_LapseCoach} (REG-2): not matched for coaching until the evidence is recorded. */
  @Bean
  JavaDelegate lapseCoach(RegisterService register) {
    return delegate(CpdReviewVariables::new, variables -> register.lapse(variables.coachId()));
  }

  /** The yearly CPD review is started by its message. */
  @Bean
  ModelContract cpdReviewModelContract() {
    return ModelContract.of("cpd-annual-review", "the yearly CPD review (started on its date and by coordinators)")
        .messages(CpdReviewProcess.REVIEW_REQUESTED);
  }

  /**
   * The coaches short of CPD evidence in a year's review: a list of other people in the one process every coach's
   * review runs in, so it stays out of the engine's history (each coach's review keeps its own coach).
   */
  @Bean
  HistoryExclusion cpdReviewListing() {
    return new HistoryExclusion(java.util.Set.of(CpdReviewVariables.COACHES_SHORT),
        "the coaches short of CPD evidence in a year's review");
  }
}
