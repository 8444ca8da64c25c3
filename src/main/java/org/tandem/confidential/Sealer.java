package org.tandem.confidential;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals confidential text with AES-256-GCM (the JDK's provider): a fresh 96-bit nonce per record and a 128-bit tag.
 * The record's context (what it is and where it belongs) is bound in as associated data, so a sealed text moved to
 * another record no longer opens. A sealed text reads {@code v1:<key id>:<Base64 of nonce and ciphertext>}.
 */
final class Sealer {

  static final String VERSION = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SealingKey current;
  private final Map<String, SealingKey> keys = new LinkedHashMap<>();
  private final SecureRandom random = new SecureRandom();

  Sealer(SealingKey current, List<SealingKey> previous) {
    this.current = current;
    keys.put(current.id(), current);
    previous.forEach(key -> keys.putIfAbsent(key.id(), key));
  }

  /** The id of the key new records are sealed with. */
  public String currentKeyId() {
    return current.id();
  }

  public String seal(String text, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, current.secret(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return VERSION + ":" + current.id() + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not seal a confidential record", e);
    }
  }

  public String open(String sealed, String context) {
    String[] parts = sealed.split(":", 3);
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      throw new IllegalStateException("A confidential record is not sealed in a form this version reads");
    }
    SealingKey key = keys.get(parts[1]);
    if (key == null) {
      throw new IllegalStateException("A confidential record is sealed with key " + parts[1]
          + ", which is neither tandem.privacy.key nor one of tandem.privacy.previous-keys");
    }
    byte[] in = Base64.getDecoder().decode(parts[2]);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A confidential record does not open: it was altered or belongs elsewhere", e);
    }
  }

  /** Whether a stored text is sealed at all (records written before sealing began are not). */
  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(VERSION + ":");
  }

  /** Whether a sealed text is sealed with the current key. */
  public boolean isCurrent(String stored) {
    return stored.startsWith(VERSION + ":" + current.id() + ":");
  }

  /** The id of the key a sealed text names. */
  static String keyIdOf(String sealed) {
    String[] parts = sealed.split(":", 3);
    return parts.length == 3 ? parts[1] : "";
  }

  /** Whether this sealer holds the key a sealed text names. */
  boolean canOpen(String sealed) {
    return keys.containsKey(keyIdOf(sealed));
  }
}
