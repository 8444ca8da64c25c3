package org.tandem.confidential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the confidential store's key comes from: {@code tandem.privacy.key} when given; otherwise the key file, which
 * is generated on first start (the default profile keeps it next to the H2 database); with neither, the application
 * does not start.
 */
@Configuration(proxyBeanMethods = false)
class SealingKeys {

  private static final Logger LOG = LoggerFactory.getLogger(SealingKeys.class);

  @Bean
  Sealer sealer(ConfidentialStoreSettings settings) {
    SealingKey current = current(settings);
    List<SealingKey> previous = settings.previousKeys().stream()
        .filter(text -> text != null && !text.isBlank())
        .map(text -> SealingKey.fromBase64(text, "tandem.privacy.previous-keys"))
        .toList();
    LOG.info("Confidential store sealed with key {}{}", current.id(),
        previous.isEmpty() ? "" : ", also opening " + previous.stream().map(SealingKey::id).toList());
    return new Sealer(current, previous);
  }

  static SealingKey current(ConfidentialStoreSettings settings) {
    if (settings.key() != null && !settings.key().isBlank()) {
      return SealingKey.fromBase64(settings.key(), "tandem.privacy.key (TANDEM_PRIVACY_KEY)");
    }
    if (settings.keyFile() == null || settings.keyFile().isBlank()) {
      throw new IllegalStateException("No key for the confidential store: set TANDEM_PRIVACY_KEY "
          + "(tandem.privacy.key) to 32 random bytes in Base64, e.g. the output of openssl rand -base64 32");
    }
    return fromFile(Path.of(settings.keyFile()));
  }

  static SealingKey fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        generate(file);
      }
      return SealingKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII), "the key file " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the key file " + file, e);
    }
  }

  private static void generate(Path file) throws IOException {
    byte[] raw = new byte[SealingKey.BYTES];
    new SecureRandom().nextBytes(raw);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII,
          java.nio.file.StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException raced) {
      return;
    }
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      LOG.debug("{} is not on a POSIX file system; its permissions are left as they are", file);
    }
    LOG.warn("Generated a key for the confidential store in {}. Without it the confidential records cannot be read: "
        + "back it up, and in production give TANDEM_PRIVACY_KEY instead", file.toAbsolutePath().normalize());
  }
}
