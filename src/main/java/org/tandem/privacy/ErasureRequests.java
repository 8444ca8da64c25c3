package org.tandem.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.common.EngineTime;
import org.tandem.common.RecordIds;

/** Requests to erase a person's data (DP-2), kept by id; once carried out, the subject is a pseudonym. */
@Repository
class ErasureRequests {

  /** Where a request stands. */
  public enum Status {
    /** Raised; a coordinator verifies the person and checks for reasons to hold. */
    OPEN,
    /** Held for a reason (an open complaint), which the request records. */
    HELD,
    /** Verified; the erasure is under way. */
    ERASING,
    /** Carried out: nothing of the person remains. */
    ERASED
  }

  /** Who raised a request: the person, or a coordinator on their behalf. */
  public enum RaisedBy {
    SUBJECT,
    COORDINATOR
  }

  /** One request. */
  public record ErasureRequest(String id, String subjectId, String raisedBy, RaisedBy raisedByRole, String reason,
      Status status, String holdReason, String decidedBy, Instant raisedAt, Instant decidedAt, Instant erasedAt) {
  }

  private final JdbcClient jdbc;

  ErasureRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  ErasureRequest raise(String subjectId, String raisedBy, RaisedBy role, String reason) {
    String id = RecordIds.next(jdbc, "erasure_number", "E");
    jdbc.sql("""
            insert into erasure_request (id, subject_id, raised_by, raised_by_role, reason, status, raised_at)
            values (:id, :subject, :raisedBy, :role, :reason, 'OPEN', :at)""")
        .param("id", id).param("subject", subjectId).param("raisedBy", raisedBy).param("role", role.name())
        .param("reason", reason).param("at", Timestamp.from(EngineTime.now())).update();
    return find(id).orElseThrow();
  }

  public Optional<ErasureRequest> find(String id) {
    return jdbc.sql("select * from erasure_request where id = :id").param("id", id)
        .query((rs, n) -> new ErasureRequest(rs.getString("id"), rs.getString("subject_id"), rs.getString("raised_by"),
            RaisedBy.valueOf(rs.getString("raised_by_role")), rs.getString("reason"),
            Status.valueOf(rs.getString("status")), rs.getString("hold_reason"), rs.getString("decided_by"),
            instant(rs.getTimestamp("raised_at")), instant(rs.getTimestamp("decided_at")),
            instant(rs.getTimestamp("erased_at"))))
        .optional();
  }

  /** The request for the person still being dealt with, if any. */
  Optional<String> underWay(String subjectId) {
    return jdbc.sql("select id from erasure_request where subject_id = :subject and status in ('OPEN', 'ERASING')")
        .param("subject", subjectId).query(String.class).optional();
  }

  java.util.Set<String> of(String personId) {
    return java.util.Set.copyOf(jdbc.sql("select id from erasure_request where subject_id = :person")
        .param("person", personId).query(String.class).list());
  }

  List<java.util.Map<String, Object>> export(String personId) {
    return PersonalRows.of(jdbc, """
        select id, raised_by_role, reason, status, hold_reason, raised_at, decided_at from erasure_request
        where subject_id = :person order by raised_at""", personId);
  }

  void held(String id, String decidedBy, String reason) {
    jdbc.sql("""
            update erasure_request set status = 'HELD', hold_reason = :reason, decided_by = :by, decided_at = :at
            where id = :id""")
        .param("reason", reason).param("by", decidedBy).param("at", Timestamp.from(EngineTime.now()))
        .param("id", id).update();
  }

  void erasing(String id, String decidedBy) {
    jdbc.sql("update erasure_request set status = 'ERASING', decided_by = :by, decided_at = :at where id = :id")
        .param("by", decidedBy).param("at", Timestamp.from(EngineTime.now())).param("id", id).update();
  }

  /** The request is carried out: its subject becomes the pseudonym, and so does whoever raised it for themselves. */
  void erased(String id, String subjectId, String pseudonym) {
    jdbc.sql("update erasure_request set status = 'ERASED', erased_at = :at where id = :id")
        .param("at", Timestamp.from(EngineTime.now())).param("id", id).update();
    for (String column : List.of("subject_id", "raised_by", "decided_by")) {
      jdbc.sql("update erasure_request set " + column + " = :pseudonym where " + column + " = :subject")
          .param("pseudonym", pseudonym).param("subject", subjectId).update();
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
