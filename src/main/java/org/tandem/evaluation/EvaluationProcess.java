package org.tandem.evaluation;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;
import org.tandem.common.ModelProcess;

/**
 * The one door to the {@code evaluation} process: evaluations start when they fall due, one process per respondent,
 * running on its own (EVA-1..3).
 */
@Component
public class EvaluationProcess extends ModelProcess {

  static final String PROCESS = "evaluation";

  EvaluationProcess(ProcessEngine engine) {
    super(engine, PROCESS);
  }

  /**
   * @param kind coaching or mentoring, for the questionnaire's wording and the programme's statistics
   */
  public void invite(String relationshipId, String kind, String respondentId, Questionnaire questionnaire) {
    invite(relationshipId, kind, respondentId, questionnaire, null);
  }

  /**
   * @param goalsSummary the relationship's goals, shown by the end questionnaires of the client and the sponsor
   */
  public void invite(String relationshipId, String kind, String respondentId, Questionnaire questionnaire,
      String goalsSummary) {
    if (respondentId == null) {
      return;
    }
    Map<String, Object> variables = new java.util.HashMap<>(Map.of(
        EvaluationVariables.RELATIONSHIP_ID, relationshipId,
        EvaluationVariables.RESPONDENT_ID, respondentId,
        EvaluationVariables.QUESTIONNAIRE, questionnaire.formSuffix(),
        EvaluationVariables.KIND, kind,
        EvaluationVariables.KIND_LABEL, kind.toLowerCase(java.util.Locale.ROOT)));
    if (goalsSummary != null) {
      variables.put(EvaluationVariables.GOALS_SUMMARY, goalsSummary);
    }
    start(relationshipId, variables);
  }
}
