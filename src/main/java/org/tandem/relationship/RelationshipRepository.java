package org.tandem.relationship;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RelationshipRepository {

  private final JdbcClient jdbc;

  RelationshipRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next relationship id, readable over the phone: R-000042. */
  String nextId() {
    Long number = jdbc.sql("select nextval('relationship_number')").query(Long.class).single();
    return "R-%06d".formatted(number);
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
        .query((rs, row) -> new Relationship(rs.getString("id"), Kind.valueOf(rs.getString("kind")),
            rs.getString("coach_id"), rs.getString("client_id"), rs.getString("sponsor_id"),
            Relationship.Status.valueOf(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
            rs.getString("opened_by")))
        .optional();
  }
}
