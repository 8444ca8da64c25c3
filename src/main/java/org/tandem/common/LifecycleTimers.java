package org.tandem.common;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The settings as the models' timers read them: ISO-8601 durations, e.g.
 * {@code <timeDuration>${lifecycleTimers.evaluationReminder()}</timeDuration>}.
 */
@UsedInModels
@Component("lifecycleTimers")
public class LifecycleTimers {

  private final LifecycleSettings settings;

  public LifecycleTimers(LifecycleSettings settings) {
    this.settings = settings;
  }

  public String evaluationReminder() {
    return settings.evaluationReminder().toString();
  }

  public String evaluationClose() {
    return settings.evaluationClose().toString();
  }

  /** The due date of an evaluation (EVA-5): when it closes as not returned. */
  public Date evaluationDue() {
    return Date.from(EngineTime.now().plus(settings.evaluationClose()));
  }

  /** The due date of a step that waits on a person: signatures, goals, go/no-go, a hand match, a complaint's stage. */
  public Date answerDue() {
    return Date.from(EngineTime.now().plus(settings.answerWithin()));
  }

  public String taskReminder() {
    return settings.taskReminder().toString();
  }

  public String feedbackWindow() {
    return settings.feedbackWindow().toString();
  }
}
