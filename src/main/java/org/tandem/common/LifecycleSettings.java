package org.tandem.common;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The numbers the rules leave open, with the rules' defaults (README, "Configuration").
 *
 * @param noticePeriod notice for changing a session; less is recorded as late (CON-4, SES-4)
 * @param gracePeriod how long after its planned end a session may stay unrecorded before the coach is reminded (SES-4)
 * @param reviewEvery sessions between reviews (REV-1)
 * @param evaluationReminder when an open evaluation is reminded (EVA-5)
 * @param evaluationClose when an open evaluation closes as not returned (EVA-5)
 * @param taskReminder when a sponsor who has not answered is reminded (CON-5)
 * @param feedbackWindow how long the client's feedback and the coach's reflection stay open after a session (SES-3)
 * @param answerWithin how long a person has for a step that waits on them: signing the contract and agreeing its
 *     goals (CON-5, CON-6), the go/no-go decision (GO-1), a hand match (MAT-3), each stage of a complaint (CMP-1);
 *     the task's due date, reminded before it and on it, and told to the coordinators after it
 * @param zone the programme's time zone: the dates and times people enter in forms are local to it
 */
@ConfigurationProperties("tandem.lifecycle")
public record LifecycleSettings(
    @DefaultValue("48h") Duration noticePeriod,
    @DefaultValue("7d") Duration gracePeriod,
    @DefaultValue("4") int reviewEvery,
    @DefaultValue("7d") Duration evaluationReminder,
    @DefaultValue("14d") Duration evaluationClose,
    @DefaultValue("7d") Duration taskReminder,
    @DefaultValue("14d") Duration feedbackWindow,
    @DefaultValue("14d") Duration answerWithin,
    @DefaultValue("Europe/London") ZoneId zone) {

  public LifecycleSettings {
    requirePositive("notice-period", noticePeriod);
    requirePositive("grace-period", gracePeriod);
    requirePositive("evaluation-reminder", evaluationReminder);
    requirePositive("evaluation-close", evaluationClose);
    requirePositive("task-reminder", taskReminder);
    requirePositive("feedback-window", feedbackWindow);
    requirePositive("answer-within", answerWithin);
    if (reviewEvery < 1) {
      throw new IllegalArgumentException("tandem.lifecycle.review-every must be at least 1, not " + reviewEvery);
    }
    if (evaluationClose.compareTo(evaluationReminder) <= 0) {
      throw new IllegalArgumentException("tandem.lifecycle.evaluation-close (" + evaluationClose
          + ") must come after tandem.lifecycle.evaluation-reminder (" + evaluationReminder + ")");
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("tandem.lifecycle." + name + " must be a positive duration, not " + value);
    }
  }
}
