package org.tandem.programme;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the programme view leaves to each scheme (README, "Configuration").
 *
 * @param stalledAfter how long without a completed task before a relationship counts as stalled
 * @param minimumGroup the fewest answers an evaluation figure is shown for, so nobody can be identified (EVA-4)
 */
@ConfigurationProperties("tandem.programme")
record ProgrammeSettings(
    @DefaultValue("21d") Duration stalledAfter,
    @DefaultValue("5") int minimumGroup) {

  ProgrammeSettings {
    if (stalledAfter == null || stalledAfter.isNegative() || stalledAfter.isZero()) {
      throw new IllegalArgumentException("tandem.programme.stalled-after must be a positive duration, not "
          + stalledAfter);
    }
    if (minimumGroup < 2) {
      throw new IllegalArgumentException("tandem.programme.minimum-group must be at least 2, not " + minimumGroup);
    }
  }
}
