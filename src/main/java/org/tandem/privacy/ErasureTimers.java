package org.tandem.privacy;

import java.util.Date;
import org.springframework.stereotype.Component;
import org.tandem.common.EngineTime;
import org.tandem.common.LifecycleSettings;
import org.tandem.common.UsedInModels;

/**
 * The erasure request's clock as its model reads it: a request for erasure is answered within one month of its
 * receipt (DP-2; UK GDPR article 12(3)), by the programme's calendar.
 */
@UsedInModels
@Component("erasureTimers")
public class ErasureTimers {

  private final LifecycleSettings settings;

  public ErasureTimers(LifecycleSettings settings) {
    this.settings = settings;
  }

  /** The due date of the coordinators' verification: a month from now. */
  public Date answerDue() {
    return Date.from(EngineTime.now().atZone(settings.zone()).plusMonths(1).toInstant());
  }
}
