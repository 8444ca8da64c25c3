package org.tandem.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.common.RecordIds;
import org.tandem.contracting.SessionFormat;
import org.tandem.register.Specialism;
import org.tandem.relationship.Kind;

@Repository
class RequestRepository {

  /** A coach a client chose for a request, and their answer. */
  record Offer(long id, String coachId, Instant offeredAt, String answer) {
  }

  private final JdbcClient jdbc;

  RequestRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String nextId() {
    return RecordIds.next(jdbc, "request_number", "Q");
  }

  void insert(CoachingRequest request, long consentId) {
    jdbc.sql("""
            insert into coaching_request (id, client_id, kind, development_need, draft_goals, preferred_format,
              preferred_location, preferred_specialism, organisation, sponsor_id, line_managers, consent_id, status,
              created_at)
            values (:id, :client, :kind, :need, :goals, :format, :location, :specialism, :organisation, :sponsor,
              :lineManagers, :consent, 'OPEN', :at)""")
        .param("id", request.id()).param("client", request.clientId()).param("kind", request.kind().name())
        .param("need", request.developmentNeed()).param("goals", request.draftGoals())
        .param("format", request.preferredFormat() == null ? null : request.preferredFormat().name())
        .param("location", request.preferredLocation())
        .param("specialism", request.preferredSpecialism() == null ? null : request.preferredSpecialism().name())
        .param("organisation", request.organisation()).param("sponsor", request.sponsorId())
        .param("lineManagers", request.lineManagers().isEmpty() ? null : String.join(",", request.lineManagers()))
        .param("consent", consentId).param("at", Timestamp.from(request.createdAt()))
        .update();
  }

  Optional<CoachingRequest> find(String id) {
    return jdbc.sql("select * from coaching_request where id = :id").param("id", id)
        .query((rs, n) -> map(rs)).optional();
  }

  List<CoachingRequest> ofClient(String clientId) {
    return jdbc.sql("select * from coaching_request where client_id = :client order by created_at")
        .param("client", clientId).query((rs, n) -> map(rs)).list();
  }

  void status(String id, CoachingRequest.Status status) {
    jdbc.sql("update coaching_request set status = :status where id = :id")
        .param("status", status.name()).param("id", id).update();
  }

  void sponsor(String id, String sponsorId) {
    jdbc.sql("update coaching_request set sponsor_id = :sponsor where id = :id")
        .param("sponsor", sponsorId).param("id", id).update();
  }

  int failed(String id) {
    jdbc.sql("update coaching_request set failed_attempts = failed_attempts + 1 where id = :id").param("id", id)
        .update();
    return jdbc.sql("select failed_attempts from coaching_request where id = :id").param("id", id)
        .query(Integer.class).single();
  }

  void matched(String id, String relationshipId) {
    jdbc.sql("update coaching_request set status = 'MATCHED', relationship_id = :relationship where id = :id")
        .param("relationship", relationshipId).param("id", id).update();
  }

  long offer(String requestId, String coachId, String chosenBy, Instant at) {
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
            insert into match_offer (request_id, coach_id, chosen_by, offered_at)
            values (:request, :coach, :chosenBy, :at)""")
        .param("request", requestId).param("coach", coachId).param("chosenBy", chosenBy)
        .param("at", Timestamp.from(at)).update(key, "id");
    return key.getKey().longValue();
  }

  void answer(String requestId, String coachId, String answer, Instant at) {
    jdbc.sql("""
            update match_offer set answer = :answer, answered_at = :at
            where request_id = :request and coach_id = :coach and answer is null""")
        .param("answer", answer).param("at", Timestamp.from(at)).param("request", requestId).param("coach", coachId)
        .update();
  }

  List<Offer> offers(String requestId) {
    return jdbc.sql("select id, coach_id, offered_at, answer from match_offer where request_id = :request order by id")
        .param("request", requestId)
        .query((rs, n) -> new Offer(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
        .list();
  }

  private static CoachingRequest map(ResultSet rs) throws SQLException {
    String format = rs.getString("preferred_format");
    String specialism = rs.getString("preferred_specialism");
    String lineManagers = rs.getString("line_managers");
    Set<String> managers = lineManagers == null ? Set.of()
        : new LinkedHashSet<>(Arrays.asList(lineManagers.split(",")));
    return new CoachingRequest(rs.getString("id"), rs.getString("client_id"), Kind.valueOf(rs.getString("kind")),
        rs.getString("development_need"), rs.getString("draft_goals"),
        format == null ? null : SessionFormat.valueOf(format), rs.getString("preferred_location"),
        specialism == null ? null : Specialism.valueOf(specialism), rs.getString("organisation"),
        rs.getString("sponsor_id"), managers, CoachingRequest.Status.valueOf(rs.getString("status")),
        rs.getInt("failed_attempts"), rs.getString("relationship_id"), rs.getTimestamp("created_at").toInstant());
  }
}
