package org.tandem.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.tandem.common.ProcessVariables;
import org.tandem.confidential.ConfidentialFields;

/** The variables of the {@code evaluation} process. */
record EvaluationVariables(VariableScope scope) implements ProcessVariables {

  static final String QUESTIONNAIRE = "questionnaire";
  static final String KIND = "kind";
  static final String KIND_LABEL = "kindLabel";
  static final String EVALUATION_ID = "evaluationId";
  static final String GOALS_SUMMARY = "goalsSummary";

  String respondentId() {
    return values().text(RESPONDENT_ID);
  }

  String kind() {
    return values().text(KIND);
  }

  Questionnaire questionnaire() {
    return Questionnaire.ofFormSuffix(values().text(QUESTIONNAIRE));
  }

  long evaluationId() {
    return ((Number) scope.getVariable(EVALUATION_ID)).longValue();
  }

  void evaluationId(long id) {
    scope.setVariable(EVALUATION_ID, id);
  }

  /**
   * Takes the anonymous answers out of the engine: they are returned by question (without the prefix) and removed
   * from the process, in the transaction of the form's submission.
   */
  Map<String, Object> takeAnonymousAnswers() {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (String name : scope.getVariableNames()) {
      if (ConfidentialFields.isAnonymous(name)) {
        String question = name.substring(ConfidentialFields.ANONYMOUS_PREFIX.length());
        answers.put(Character.toLowerCase(question.charAt(0)) + question.substring(1), values().raw(name));
        scope.removeVariable(name);
      }
    }
    return answers;
  }
}
