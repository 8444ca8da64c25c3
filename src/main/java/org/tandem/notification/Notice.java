package org.tandem.notification;

import java.time.Instant;
import java.util.Map;

/**
 * One notification to one person, as the outbox keeps it until it is sent.
 *
 * @param cause what caused it, unique: the same cause never notifies twice (a retried job, a listener called again)
 * @param params what the kind's template shows: ids, names of tasks, times; never what people wrote in a form
 */
record Notice(String cause, Kind kind, String recipientId, String subject, String relationshipId, String taskId,
    Map<String, Object> params, Instant sendAfter) {

  /** What a notification is about; each kind has its templates under {@code templates/mail}. */
  enum Kind {
    NEW_TASK, REMINDER, ESCALATION, SESSION_INVITE, MESSAGE
  }
}
