package org.tandem.confidential;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The confidential store's keys, among the {@code tandem.privacy} settings.
 *
 * @param key the key that seals the confidential store: 32 random bytes, Base64 (for example {@code openssl rand
 *     -base64 32}); when empty, {@code keyFile} is used
 * @param previousKeys keys that sealed records earlier; records under them are resealed with {@code key} on start,
 *     after which they can be dropped (key rotation)
 * @param keyFile where a key generated for this machine is kept when no {@code key} is given; empty means a key is
 *     required (the {@code postgres} profile)
 */
@ConfigurationProperties("tandem.privacy")
record ConfidentialStoreSettings(String key, @DefaultValue List<String> previousKeys, String keyFile) {
}
