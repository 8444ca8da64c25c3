package org.tandem.evaluation;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.EngineTime;
import org.tandem.common.InvalidInputException;
import org.tandem.common.LifecycleSettings;

/** Evaluations of relationships: their registration, reminder, return or lapse, and the programme's aggregate. */
@Service
class EvaluationService {

  /** The status of an evaluation. */
  public static final String DUE = "DUE";
  public static final String RETURNED = "RETURNED";
  public static final String NOT_RETURNED = "NOT_RETURNED";

  private final EvaluationRepository evaluations;
  private final LifecycleSettings settings;

  EvaluationService(EvaluationRepository evaluations, LifecycleSettings settings) {
    this.evaluations = evaluations;
    this.settings = settings;
  }

  @Transactional
  long register(String relationshipId, String respondentId, Questionnaire questionnaire) {
    return evaluations.due(relationshipId, respondentId, questionnaire, EngineTime.now());
  }

  @Transactional
  void reminded(long evaluationId) {
    evaluations.reminded(evaluationId, EngineTime.now());
  }

  /** Keeps the anonymous answers with the month only, and marks the evaluation returned. */
  @Transactional
  void returned(long evaluationId, Questionnaire questionnaire, String kind, Map<String, Object> anonymousAnswers) {
    String month = YearMonth.from(EngineTime.now().atZone(settings.zone())).toString();
    anonymousAnswers.forEach((question, answer) -> {
      if (answer != null && !answer.toString().isBlank()) {
        String text = answer.toString().trim();
        if (text.length() > 64) {
          throw new InvalidInputException(question, "This answer is too long: at most 64 characters.");
        }
        evaluations.answer(questionnaire, kind, question, text, month);
      }
    });
    evaluations.closed(evaluationId, RETURNED, EngineTime.now());
  }

  /** EVA-5: closed as not returned; the relationship never waited for it. */
  @Transactional
  void notReturned(long evaluationId) {
    evaluations.closed(evaluationId, NOT_RETURNED, EngineTime.now());
  }

  /** Who was asked what in a relationship, and whether they returned it: no answers. */
  public List<EvaluationRepository.Row> of(String relationshipId) {
    return evaluations.of(relationshipId);
  }

  public EvaluationStatistics statistics() {
    return new EvaluationStatistics(evaluations.statistics());
  }
}
