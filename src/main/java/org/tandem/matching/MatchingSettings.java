package org.tandem.matching;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param shortlistSize how many coaches a client chooses from (MAT-2)
 * @param answerWithin how long the chosen coach has to accept or decline (MAT-3)
 * @param attempts failed attempts (declined or unanswered) before a coordinator matches by hand (MAT-3)
 */
@ConfigurationProperties("tandem.matching")
public record MatchingSettings(
    @DefaultValue("3") int shortlistSize,
    @DefaultValue("14d") Duration answerWithin,
    @DefaultValue("3") int attempts) {

  public MatchingSettings {
    if (shortlistSize < 1 || attempts < 1) {
      throw new IllegalArgumentException("tandem.matching.shortlist-size and attempts must be at least 1");
    }
    if (answerWithin == null || answerWithin.isNegative() || answerWithin.isZero()) {
      throw new IllegalArgumentException("tandem.matching.answer-within must be a positive duration");
    }
  }
}
