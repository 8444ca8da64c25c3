package org.tandem.privacy;

import java.time.Instant;

/**
 * One confidential answer: which relationship, who wrote it, where (the task and its field), and the text.
 *
 * @param topic the task that asked for it, e.g. {@code Task_RecordSession}
 * @param reference what it is about within the relationship, e.g. {@code session 3} or {@code evaluation end}
 */
public record ConfidentialNote(String relationshipId, String authorId, String topic, String reference, String field,
    ConfidentialFields.Visibility visibility, String content, Instant writtenAt) {
}
