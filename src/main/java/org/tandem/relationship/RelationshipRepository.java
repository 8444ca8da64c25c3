package org.tandem.relationship;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.common.RecordIds;

@Repository
class RelationshipRepository {

  private final JdbcClient jdbc;

  RelationshipRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next relationship id, readable over the phone: R-000042. */
  String nextId() {
    return RecordIds.next(jdbc, "relationship_number", "R");
  }

  void insert(Relationship relationship) {
    jdbc.sql("""
            insert into relationship (id, kind, coach_id, client_id, sponsor_id, status, opened_at, opened_by)
            values (:id, :kind, :coach, :client, :sponsor, :status, :openedAt, :openedBy)""")
        .param("id", relationship.id())
        .param("kind", relationship.kind().name())
        .param("coach", relationship.coachId())
        .param("client", relationship.clientId())
        .param("sponsor", relationship.sponsorId())
        .param("status", relationship.status().name())
        .param("openedAt", Timestamp.from(relationship.openedAt()))
        .param("openedBy", relationship.openedBy())
        .update();
  }

  Optional<Relationship> find(String id) {
    return jdbc.sql("select * from relationship where id = :id").param("id", id)
        .query((rs, row) -> map(rs))
        .optional();
  }

  void status(String id, Relationship.Status status) {
    jdbc.sql("update relationship set status = :status where id = :id")
        .param("status", status.name()).param("id", id).update();
  }

  void outcome(String id, Outcome outcome, EndReason reason, String details, String endedBy, boolean rematch) {
    jdbc.sql("""
            update relationship set outcome = :outcome, end_reason = :reason, end_reason_details = :details,
              ended_by = :endedBy, rematch_allowed = :rematch
            where id = :id""")
        .param("outcome", outcome.name()).param("reason", reason == null ? null : reason.name())
        .param("details", details).param("endedBy", endedBy).param("rematch", rematch).param("id", id).update();
  }

  void closed(String id, Instant at) {
    jdbc.sql("update relationship set status = 'CLOSED', closed_at = :at where id = :id")
        .param("at", Timestamp.from(at)).param("id", id).update();
  }

  /** SponsorChange: the new sponsor, and the change kept with who made it and why. */
  void sponsor(String id, String from, String to, String reason, String by, Instant at) {
    jdbc.sql("update relationship set sponsor_id = :sponsor where id = :id").param("sponsor", to).param("id", id)
        .update();
    jdbc.sql("""
            insert into party_change (relationship_id, party, from_user, to_user, reason, changed_by, changed_at)
            values (:id, 'SPONSOR', :from, :to, :reason, :by, :at)""")
        .param("id", id).param("from", from).param("to", to).param("reason", reason).param("by", by)
        .param("at", Timestamp.from(at)).update();
  }

  void markMiddleEvaluationsDone(String id) {
    jdbc.sql("update relationship set middle_evaluations_done = true where id = :id").param("id", id).update();
  }

  boolean middleEvaluationsDone(String id) {
    return jdbc.sql("select middle_evaluations_done from relationship where id = :id").param("id", id)
        .query(Boolean.class).single();
  }

  private static Relationship map(ResultSet rs) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    String outcome = rs.getString("outcome");
    String reason = rs.getString("end_reason");
    return new Relationship(rs.getString("id"), Kind.valueOf(rs.getString("kind")), rs.getString("coach_id"),
        rs.getString("client_id"), rs.getString("sponsor_id"), Relationship.Status.valueOf(rs.getString("status")),
        rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"),
        outcome == null ? null : Outcome.valueOf(outcome), reason == null ? null : EndReason.valueOf(reason),
        rs.getString("end_reason_details"), rs.getString("ended_by"), closed == null ? null : closed.toInstant(),
        rs.getBoolean("rematch_allowed"));
  }
}
