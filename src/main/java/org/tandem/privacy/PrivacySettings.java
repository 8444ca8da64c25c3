package org.tandem.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param noticeVersion the version of the privacy notice people consent to now (DP-1); change it when the notice
 *     changes, and new consents record the new version
 */
@ConfigurationProperties("tandem.privacy")
public record PrivacySettings(@DefaultValue("2026-01") String noticeVersion) {
}
