package org.tandem.matching;

import org.springframework.stereotype.Component;
import org.tandem.common.UsedInModels;

/** The matching settings as the models' timers read them. */
@UsedInModels
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
