package org.tandem.notification;

import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Messages to people from the product's own steps (the register, CPD, evaluations, erasure). Each is kept in the
 * outbox in the caller's transaction and sent after commit ({@link OutboxWorker}); the same cause never sends twice.
 * A message says what happened and what to do, never what anyone wrote in a confidential field.
 */
@Service
public class Notifications {

  private final Outbox outbox;

  Notifications(Outbox outbox) {
    this.outbox = outbox;
  }

  /**
   * Tells a person something.
   *
   * @param cause what caused the message, unique to it (e.g. {@code "evaluation-reminder:" + evaluationId})
   */
  public void remind(String cause, String recipientId, String relationshipId, String subject, String text) {
    outbox.enqueue(new Notice(cause, Notice.Kind.MESSAGE, recipientId, subject, relationshipId, null,
        Map.of("text", text), null));
  }
}
