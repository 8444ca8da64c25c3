package org.tandem.evaluation;

import static org.tandem.common.ModelSteps.delegate;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.notification.Notifications;

/** The service tasks of {@code processes/evaluation.bpmn}. */
@Configuration(proxyBeanMethods = false)
class EvaluationDelegates {

  /** {@code Task_RegisterEvaluation} (EVA-1). */
  @Bean
  JavaDelegate registerEvaluation(EvaluationService evaluations) {
    return delegate(EvaluationVariables::new, variables -> variables.evaluationId(
        evaluations.register(variables.relationshipId(), variables.respondentId(), variables.questionnaire())));
  }

  /** {@code Task_RemindRespondent} (EVA-5: reminded once). */
  @Bean
  JavaDelegate remindRespondent(EvaluationService evaluations, Notifications notifications) {
    return delegate(EvaluationVariables::new, variables -> {
      evaluations.reminded(variables.evaluationId());
      notifications.remind("evaluation-reminder:" + variables.evaluationId(), variables.respondentId(),
          variables.relationshipId(), "Reminder: your evaluation",
          "Your " + variables.questionnaire().stage().name().toLowerCase() + " evaluation of relationship "
              + variables.relationshipId() + " is waiting for you in Tasklist.");
    });
  }

  /** {@code Task_RecordAnswers}: the anonymous answers to the programme's statistics (EVA-4). */
  @Bean
  JavaDelegate recordEvaluation(EvaluationService evaluations) {
    return delegate(EvaluationVariables::new, variables -> evaluations.returned(variables.evaluationId(),
        variables.questionnaire(), variables.kind(), variables.takeAnonymousAnswers()));
  }

  /** {@code Task_RecordNotReturned} (EVA-5). */
  @Bean
  JavaDelegate recordEvaluationNotReturned(EvaluationService evaluations) {
    return delegate(EvaluationVariables::new, variables -> evaluations.notReturned(variables.evaluationId()));
  }
}
