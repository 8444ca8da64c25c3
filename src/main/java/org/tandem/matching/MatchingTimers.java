package org.tandem.matching;

import java.util.Date;
import org.springframework.stereotype.Component;
import org.tandem.common.EngineTime;
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

  /** The due date of the chosen coach's answer (MAT-3): when the timer gives up waiting for it. */
  public Date answerDue() {
    return Date.from(EngineTime.now().plus(settings.answerWithin()));
  }
}
