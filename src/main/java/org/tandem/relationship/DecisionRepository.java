package org.tandem.relationship;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The decisions of coach and client: go on after the first meeting (GO-1), continue after a review (REV-1). */
@Repository
class DecisionRepository {

  /** When a decision is taken. */
  enum Occasion { FIRST_MEETING, REVIEW }

  /** One party's decision. */
  record Decision(Occasion occasion, int afterSession, String partyRole, String partyId, String decision) {
  }

  private final JdbcClient jdbc;

  DecisionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(String relationshipId, Decision decision, Instant at) {
    jdbc.sql("""
            insert into decision (relationship_id, occasion, after_session, party_role, party_id, decision, decided_at)
            values (:id, :occasion, :after, :role, :party, :decision, :at)""")
        .param("id", relationshipId).param("occasion", decision.occasion().name())
        .param("after", decision.afterSession()).param("role", decision.partyRole())
        .param("party", decision.partyId()).param("decision", decision.decision())
        .param("at", Timestamp.from(at)).update();
  }

  List<Decision> of(String relationshipId) {
    return jdbc.sql("""
            select occasion, after_session, party_role, party_id, decision from decision
            where relationship_id = :id order by id""")
        .param("id", relationshipId)
        .query((rs, n) -> new Decision(Occasion.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3),
            rs.getString(4), rs.getString(5)))
        .list();
  }

  boolean firstMeetingDecided(String relationshipId) {
    return jdbc.sql("select count(*) from decision where relationship_id = :id and occasion = 'FIRST_MEETING'")
        .param("id", relationshipId).query(Long.class).single() > 0;
  }
}
