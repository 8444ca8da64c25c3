package org.tandem.confidential;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES key of the confidential store, named by the first eight hex digits of its SHA-256 digest, so a sealed
 * record says which key sealed it without giving the key away.
 */
record SealingKey(String id, SecretKey secret) {

  static final int BYTES = 32;

  static SealingKey fromBase64(String text, String setting) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + " is not Base64: give 32 random bytes, e.g. openssl rand -base64 32");
    }
    if (raw.length != BYTES) {
      throw new IllegalStateException(setting + " holds " + raw.length + " bytes; an AES-256 key is " + BYTES
          + " bytes (openssl rand -base64 32)");
    }
    return new SealingKey(idOf(raw), new SecretKeySpec(raw, "AES"));
  }

  private static String idOf(byte[] raw) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "SealingKey[" + id + "]";
  }
}
