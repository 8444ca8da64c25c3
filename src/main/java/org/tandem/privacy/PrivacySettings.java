package org.tandem.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tandem.privacy} settings of consent and retention; the confidential store's keys are
 * {@code org.tandem.confidential.ConfidentialStoreSettings}.
 *
 * @param noticeVersion the version of the privacy notice people consent to now (DP-1); change it when the notice
 *     changes, and new consents record the new version
 * @param retention how long records are kept after a relationship (or other business) is finished, in the product's
 *     tables and in the engine's history alike (DP-3)
 */
@ConfigurationProperties("tandem.privacy")
record PrivacySettings(
    @DefaultValue("2026-01") String noticeVersion,
    @DefaultValue("2555d") java.time.Duration retention) {

  PrivacySettings {
    if (retention == null || retention.isNegative() || retention.toDays() < 1) {
      throw new IllegalArgumentException("tandem.privacy.retention must be at least a day, e.g. 2555d");
    }
  }
}
