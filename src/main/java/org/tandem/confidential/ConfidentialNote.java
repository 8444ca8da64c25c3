package org.tandem.confidential;

import java.time.Instant;

/**
 * One confidential answer: which relationship, who wrote it, where (the task and its field), and the text.
 *
 * @param id the record's number in the confidential store; {@code null} until it is saved
 * @param topic the task that asked for it, e.g. {@code Task_RecordSession}
 * @param reference what it is about within the relationship, e.g. {@code session 3} or {@code questionnaire client-end}
 */
public record ConfidentialNote(Long id, String relationshipId, String authorId, String topic, String reference,
    String field, ConfidentialFields.Visibility visibility, String content, Instant writtenAt) {

  /** What the record is and where it belongs, bound into its seal. */
  String sealContext() {
    return "confidential_note|" + relationshipId + "|" + topic + "|" + field;
  }
}
