package org.tandem.register;

import java.time.Duration;
import java.time.MonthDay;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The register's yearly CPD requirement for coaches (REG-2), with the policy's defaults.
 *
 * @param cpdHours hours of coaching practice in the past year
 * @param cpdSupervision supervision sessions in the past year
 * @param cpdActivities CPD activities in the past year
 * @param cpdReviewDate the day of the year the review runs, as {@code --MM-DD}
 * @param cpdGracePeriod how long a coach short of CPD has to record the evidence before lapsing
 */
@ConfigurationProperties("tandem.register")
public record RegisterSettings(
    @DefaultValue("12") int cpdHours,
    @DefaultValue("2") int cpdSupervision,
    @DefaultValue("2") int cpdActivities,
    @DefaultValue("--04-01") MonthDay cpdReviewDate,
    @DefaultValue("30d") Duration cpdGracePeriod) {

  public RegisterSettings {
    if (cpdHours < 0 || cpdSupervision < 0 || cpdActivities < 0) {
      throw new IllegalArgumentException("tandem.register.cpd-* minimums cannot be negative");
    }
    if (cpdGracePeriod == null || cpdGracePeriod.isNegative() || cpdGracePeriod.isZero()) {
      throw new IllegalArgumentException("tandem.register.cpd-grace-period must be a positive duration");
    }
  }
}
