package org.tandem.privacy;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param noticeVersion the version of the privacy notice people consent to now (DP-1); change it when the notice
 *     changes, and new consents record the new version
 * @param key the key that seals the confidential store: 32 random bytes, Base64 (for example {@code openssl rand
 *     -base64 32}); when empty, {@code keyFile} is used
 * @param previousKeys keys that sealed records earlier; records under them are resealed with {@code key} on start,
 *     after which they can be dropped (key rotation)
 * @param keyFile where a key generated for this machine is kept when no {@code key} is given; empty means a key is
 *     required (the {@code postgres} profile)
 * @param retention how long records are kept after a relationship (or other business) is finished, in the product's
 *     tables and in the engine's history alike (DP-3)
 */
@ConfigurationProperties("tandem.privacy")
public record PrivacySettings(
    @DefaultValue("2026-01") String noticeVersion,
    String key,
    @DefaultValue List<String> previousKeys,
    String keyFile,
    @DefaultValue("2555d") java.time.Duration retention) {

  public PrivacySettings {
    if (retention == null || retention.isNegative() || retention.toDays() < 1) {
      throw new IllegalArgumentException("tandem.privacy.retention must be at least a day, e.g. 2555d");
    }
  }
}
