package org.tandem.evaluation;

import java.util.List;

/**
 * Programme learning from evaluations (EVA-4): how often each answer was given to each question, with neither
 * relationship nor person. Free-text answers are not here: they stay with their author.
 */
record EvaluationStatistics(List<Line> lines) {

  /** One answer to one question and how many gave it. */
  public record Line(Questionnaire questionnaire, String question, String answer, long count) {
  }
}
