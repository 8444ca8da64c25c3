package org.tandem.common;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The current time as the engine sees it, so product records and engine timers agree, also when tests move the
 * engine's clock.
 */
public final class EngineTime {

  private EngineTime() {
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
