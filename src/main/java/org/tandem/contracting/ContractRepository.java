package org.tandem.contracting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.common.LifecycleSettings;

/** The contracts as they are kept; a first session's local time is written and read in the programme's zone. */
@Repository
class ContractRepository {

  private final JdbcClient jdbc;
  private final ZoneId zone;

  ContractRepository(JdbcClient jdbc, LifecycleSettings settings) {
    this.jdbc = jdbc;
    this.zone = settings.zone();
  }

  int nextVersion(String relationshipId) {
    Integer max = jdbc.sql("select max(version) from contract where relationship_id = :id")
        .param("id", relationshipId).query(Integer.class).optional().orElse(null);
    return max == null ? 1 : max + 1;
  }

  boolean exists(String relationshipId, int version) {
    return jdbc.sql("select count(*) from contract where relationship_id = :id and version = :version")
        .param("id", relationshipId).param("version", version).query(Long.class).single() > 0;
  }

  /** Writes the draft of a version, replacing an earlier draft of the same version; signatures start again. */
  void saveDraft(String relationshipId, int version, ContractDraft draft, int sessionsBefore, String sponsorId,
      Instant now) {
    if (exists(relationshipId, version)) {
      jdbc.sql("delete from contract_goal where relationship_id = :id and version = :version")
          .param("id", relationshipId).param("version", version).update();
      jdbc.sql("""
              update contract set start_date = :startDate, planned_end_date = :plannedEndDate,
                anticipated_months = :months, sessions_agreed = :sessions, sessions_before = :before,
                frequency = :frequency, planned_dates = :plannedDates, first_session_at = :firstSession,
                session_minutes = :minutes, session_format = :format, location = :location,
                cameras_agreed = :cameras, why_chosen = :why, organisation_benefits = :benefits,
                coach_expectations = :coachExpectations, client_expectations = :clientExpectations,
                notice_hours = :notice, coach_acknowledged_at = :now, client_acknowledged_at = null,
                client_signed_at = null, coach_signed_at = null, sponsor_id = :sponsor, sponsor_agreed_at = null,
                drafted_at = :now
              where relationship_id = :id and version = :version""")
          .paramSource(new DraftParameters(relationshipId, version, draft, sessionsBefore, sponsorId, now, zone))
          .update();
    } else {
      jdbc.sql("""
              insert into contract (relationship_id, version, status, start_date, planned_end_date, anticipated_months,
                sessions_agreed, sessions_before, frequency, planned_dates, first_session_at, session_minutes,
                session_format, location, cameras_agreed, why_chosen, organisation_benefits, coach_expectations,
                client_expectations, notice_hours, coach_acknowledged_at, sponsor_id, drafted_at)
              values (:id, :version, 'DRAFT', :startDate, :plannedEndDate, :months, :sessions, :before, :frequency,
                :plannedDates, :firstSession, :minutes, :format, :location, :cameras, :why, :benefits,
                :coachExpectations, :clientExpectations, :notice, :now, :sponsor, :now)""")
          .paramSource(new DraftParameters(relationshipId, version, draft, sessionsBefore, sponsorId, now, zone))
          .update();
    }
    for (int i = 0; i < draft.goals().size(); i++) {
      Goal goal = draft.goals().get(i);
      jdbc.sql("""
              insert into contract_goal (relationship_id, version, ordinal, description, success_measure, most_important)
              values (:id, :version, :ordinal, :description, :measure, :mostImportant)""")
          .param("id", relationshipId).param("version", version).param("ordinal", i + 1)
          .param("description", goal.description()).param("measure", goal.successMeasure())
          .param("mostImportant", goal.mostImportant())
          .update();
    }
  }

  /** The named parameters of a draft, for the insert and the update alike. */
  private static final class DraftParameters extends org.springframework.jdbc.core.namedparam.MapSqlParameterSource {
    DraftParameters(String relationshipId, int version, ContractDraft draft, int sessionsBefore, String sponsorId,
        Instant now, ZoneId zone) {
      addValue("id", relationshipId);
      addValue("version", version);
      addValue("startDate", draft.startDate());
      addValue("plannedEndDate", draft.plannedEndDate());
      addValue("months", draft.anticipatedMonths());
      addValue("sessions", draft.sessionsAgreed());
      addValue("before", sessionsBefore);
      addValue("frequency", draft.frequency());
      addValue("plannedDates", draft.plannedDates());
      addValue("firstSession", draft.firstSession() == null ? null
          : Timestamp.from(draft.firstSession().atZone(zone).toInstant()));
      addValue("minutes", draft.sessionMinutes());
      addValue("format", draft.format().name());
      addValue("location", draft.location());
      addValue("cameras", draft.camerasAgreed());
      addValue("why", draft.whyChosen());
      addValue("benefits", draft.organisationBenefits());
      addValue("coachExpectations", draft.coachExpectations());
      addValue("clientExpectations", draft.clientExpectations());
      addValue("notice", draft.noticeHours());
      addValue("sponsor", sponsorId);
      addValue("now", Timestamp.from(now));
    }
  }

  void clientSigned(String relationshipId, int version, Instant at) {
    jdbc.sql("""
            update contract set client_signed_at = :at, client_acknowledged_at = :at
            where relationship_id = :id and version = :version""")
        .param("at", Timestamp.from(at)).param("id", relationshipId).param("version", version).update();
  }

  void coachSigned(String relationshipId, int version, Instant at) {
    jdbc.sql("update contract set coach_signed_at = :at where relationship_id = :id and version = :version")
        .param("at", Timestamp.from(at)).param("id", relationshipId).param("version", version).update();
  }

  void sponsorAgreed(String relationshipId, int version, Instant at) {
    jdbc.sql("update contract set sponsor_agreed_at = :at where relationship_id = :id and version = :version")
        .param("at", Timestamp.from(at)).param("id", relationshipId).param("version", version).update();
  }

  void comment(String relationshipId, int version, String authorId, String role, String remark, Instant at) {
    jdbc.sql("""
            insert into contract_comment (relationship_id, version, author_id, author_role, remark, written_at)
            values (:id, :version, :author, :role, :remark, :at)""")
        .param("id", relationshipId).param("version", version).param("author", authorId).param("role", role)
        .param("remark", remark).param("at", Timestamp.from(at)).update();
  }

  List<String> comments(String relationshipId, int version) {
    return jdbc.sql("""
            select remark from contract_comment where relationship_id = :id and version = :version order by id""")
        .param("id", relationshipId).param("version", version).query(String.class).list();
  }

  void putInForce(String relationshipId, int version, Instant at) {
    jdbc.sql("update contract set status = 'SUPERSEDED' where relationship_id = :id and status = 'IN_FORCE'")
        .param("id", relationshipId).update();
    jdbc.sql("""
            update contract set status = 'IN_FORCE', in_force_at = :at
            where relationship_id = :id and version = :version""")
        .param("at", Timestamp.from(at)).param("id", relationshipId).param("version", version).update();
  }

  Optional<Contract> find(String relationshipId, int version) {
    return jdbc.sql("select * from contract where relationship_id = :id and version = :version")
        .param("id", relationshipId).param("version", version)
        .query((rs, row) -> map(rs)).optional();
  }

  Optional<Contract> inForce(String relationshipId) {
    return jdbc.sql("select * from contract where relationship_id = :id and status = 'IN_FORCE'")
        .param("id", relationshipId).query((rs, row) -> map(rs)).optional();
  }

  List<Contract> all(String relationshipId) {
    return jdbc.sql("select * from contract where relationship_id = :id order by version")
        .param("id", relationshipId).query((rs, row) -> map(rs)).list();
  }

  private Contract map(ResultSet rs) throws SQLException {
    String relationshipId = rs.getString("relationship_id");
    int version = rs.getInt("version");
    List<Goal> goals = jdbc.sql("""
            select description, success_measure, most_important from contract_goal
            where relationship_id = :id and version = :version order by ordinal""")
        .param("id", relationshipId).param("version", version)
        .query((g, n) -> new Goal(g.getString(1), g.getString(2), g.getBoolean(3))).list();
    Timestamp first = rs.getTimestamp("first_session_at");
    Integer months = (Integer) rs.getObject("anticipated_months", Integer.class);
    ContractDraft terms = new ContractDraft(
        rs.getObject("start_date", LocalDate.class), rs.getObject("planned_end_date", LocalDate.class), months,
        rs.getInt("sessions_agreed"), rs.getString("frequency"), rs.getString("planned_dates"),
        first == null ? null : first.toInstant().atZone(zone).toLocalDateTime(),
        rs.getInt("session_minutes"), SessionFormat.valueOf(rs.getString("session_format")), rs.getString("location"),
        rs.getBoolean("cameras_agreed"), goals, rs.getString("why_chosen"), rs.getString("organisation_benefits"),
        rs.getString("coach_expectations"), rs.getString("client_expectations"), rs.getInt("notice_hours"),
        true, true, true);
    return new Contract(relationshipId, version, Contract.Status.valueOf(rs.getString("status")), terms,
        rs.getInt("sessions_before"), instant(rs, "client_signed_at"), instant(rs, "coach_signed_at"),
        rs.getString("sponsor_id"), instant(rs, "sponsor_agreed_at"), instant(rs, "in_force_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
