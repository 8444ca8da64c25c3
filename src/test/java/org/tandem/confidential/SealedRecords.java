package org.tandem.confidential;

import org.springframework.context.ApplicationContext;

/**
 * The confidential store's sealing, for tools that write records in bulk: a record opened to plain text can be
 * copied to another relationship and sealed there, for that relationship, by the store's own resealing.
 */
public final class SealedRecords {

  private SealedRecords() {
  }

  /** The plain text of a sealed record, as the store opens it for the relationship, topic and field it belongs to. */
  public static String open(ApplicationContext context, String sealed, String relationshipId, String topic,
      String field) {
    return context.getBean(Sealer.class).open(sealed,
        new ConfidentialNote(0L, relationshipId, null, topic, null, field, null, null, null).sealContext());
  }

  /** Seals every record that is not sealed with the current key, 500 at a time; answers how many were. */
  public static int sealAll(ApplicationContext context) {
    return context.getBean(ConfidentialStoreReseal.class).reseal();
  }
}
