package org.tandem.matching;

import org.springframework.stereotype.Component;

/** The matching settings as the models' timers read them. */
@Component("matchingTimers")
public class MatchingTimers {

  private final MatchingSettings settings;

  public MatchingTimers(MatchingSettings settings) {
    this.settings = settings;
  }

  public String answerWithin() {
    return settings.answerWithin().toString();
  }
}
