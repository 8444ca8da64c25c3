package org.tandem.register;

import org.springframework.stereotype.Component;
import org.tandem.common.UsedInModels;

/** The register's settings as the models' timers read them. */
@UsedInModels
@Component("registerTimers")
public class RegisterTimers {

  private final RegisterSettings settings;

  public RegisterTimers(RegisterSettings settings) {
    this.settings = settings;
  }

  /** Once a year at 06:00 on the review date, as a cron expression. */
  public String cpdReviewCycle() {
    return "0 0 6 %d %d ?".formatted(settings.cpdReviewDate().getDayOfMonth(),
        settings.cpdReviewDate().getMonthValue());
  }

  public String cpdGracePeriod() {
    return settings.cpdGracePeriod().toString();
  }
}
