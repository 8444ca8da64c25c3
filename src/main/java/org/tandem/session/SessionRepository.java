package org.tandem.session;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.contracting.SessionFormat;

@Repository
class SessionRepository {

  private final JdbcClient jdbc;

  SessionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<PlannedSession> planned(String relationshipId, int number) {
    return jdbc.sql("""
            select planned_at, planned_minutes, session_format, location from coaching_session
            where relationship_id = :id and number = :number and status = 'PLANNED'""")
        .param("id", relationshipId).param("number", number)
        .query((rs, row) -> new PlannedSession(relationshipId, number, rs.getTimestamp(1).toInstant(), rs.getInt(2),
            rs.getString(3) == null ? null : SessionFormat.valueOf(rs.getString(3)), rs.getString(4)))
        .optional();
  }

  boolean exists(String relationshipId, int number) {
    return jdbc.sql("select count(*) from coaching_session where relationship_id = :id and number = :number")
        .param("id", relationshipId).param("number", number).query(Long.class).single() > 0;
  }

  /** Plans the session, or plans it anew; answers whether it was planned already (and so has moved). */
  boolean plan(PlannedSession session) {
    if (exists(session.relationshipId(), session.number())) {
      jdbc.sql("""
              update coaching_session set planned_at = :at, planned_minutes = :minutes, session_format = :format,
                location = :location, calendar_sequence = calendar_sequence + 1
              where relationship_id = :id and number = :number and status = 'PLANNED'""")
          .param("at", Timestamp.from(session.plannedAt())).param("minutes", session.plannedMinutes())
          .param("format", session.format() == null ? null : session.format().name())
          .param("location", session.location())
          .param("id", session.relationshipId()).param("number", session.number()).update();
      return true;
    } else {
      jdbc.sql("""
              insert into coaching_session (relationship_id, number, status, planned_at, planned_minutes,
                session_format, location)
              values (:id, :number, 'PLANNED', :at, :minutes, :format, :location)""")
          .param("id", session.relationshipId()).param("number", session.number())
          .param("at", Timestamp.from(session.plannedAt())).param("minutes", session.plannedMinutes())
          .param("format", session.format() == null ? null : session.format().name())
          .param("location", session.location()).update();
      return false;
    }
  }

  /** The calendar invitation's revision of a session. */
  int calendarSequence(String relationshipId, int number) {
    return jdbc.sql("select calendar_sequence from coaching_session where relationship_id = :id and number = :number")
        .param("id", relationshipId).param("number", number).query(Integer.class).single();
  }

  /** The coach and the client of a relationship, as its record names them: {coachId, clientId}. */
  String[] parties(String relationshipId) {
    return jdbc.sql("select coach_id, client_id from relationship where id = :id").param("id", relationshipId)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
  }

  /** The sessions of a relationship still planned, which become cancelled. */
  java.util.List<PlannedSession> cancelPlanned(String relationshipId) {
    java.util.List<PlannedSession> planned = jdbc.sql("""
            select number, planned_at, planned_minutes, session_format, location from coaching_session
            where relationship_id = :id and status = 'PLANNED' order by number""")
        .param("id", relationshipId)
        .query((rs, row) -> new PlannedSession(relationshipId, rs.getInt(1), rs.getTimestamp(2).toInstant(),
            rs.getInt(3), rs.getString(4) == null ? null : SessionFormat.valueOf(rs.getString(4)), rs.getString(5)))
        .list();
    jdbc.sql("update coaching_session set status = 'CANCELLED' where relationship_id = :id and status = 'PLANNED'")
        .param("id", relationshipId).update();
    return planned;
  }

  void held(String relationshipId, SessionRecord record, String coachId, Instant at) {
    jdbc.sql("""
            update coaching_session set status = 'HELD', held_on = :heldOn, starts_at = :start, ends_at = :end,
              hours = :hours, session_format = :format, location = :location, recorded_at = :at, recorded_by = :coach
            where relationship_id = :id and number = :number""")
        .param("heldOn", record.heldOn()).param("start", record.startsAt()).param("end", record.endsAt())
        .param("hours", record.hours()).param("format", record.format().name()).param("location", record.location())
        .param("at", Timestamp.from(at)).param("coach", coachId)
        .param("id", relationshipId).param("number", record.number()).update();
  }

  void changed(String relationshipId, int number, String by, String role, Instant at, Instant from, Instant to,
      long noticeMinutes, boolean late) {
    jdbc.sql("""
            update coaching_session set planned_at = :to, calendar_sequence = calendar_sequence + 1
            where relationship_id = :id and number = :number""")
        .param("to", Timestamp.from(to)).param("id", relationshipId).param("number", number).update();
    jdbc.sql("""
            insert into session_change (relationship_id, session_number, changed_by, changed_by_role, changed_at,
              planned_at, moved_to, notice_minutes, late)
            values (:id, :number, :by, :role, :at, :from, :to, :notice, :late)""")
        .param("id", relationshipId).param("number", number).param("by", by).param("role", role)
        .param("at", Timestamp.from(at)).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .param("notice", noticeMinutes).param("late", late).update();
  }

  int heldCount(String relationshipId) {
    return jdbc.sql("select count(*) from coaching_session where relationship_id = :id and status = 'HELD'")
        .param("id", relationshipId).query(Integer.class).single();
  }

  java.util.Map<String, BigDecimal> hoursHeldByCoach(java.time.LocalDate from, java.time.LocalDate to) {
    java.util.Map<String, BigDecimal> hours = new java.util.HashMap<>();
    jdbc.sql("""
            select recorded_by, sum(hours) from coaching_session
            where status = 'HELD' and held_on >= :from and held_on < :to group by recorded_by""")
        .param("from", from).param("to", to)
        .query(rs -> {
          hours.put(rs.getString(1), rs.getBigDecimal(2));
        });
    return hours;
  }

  BigDecimal hoursHeld(String coachId, java.time.LocalDate from, java.time.LocalDate to) {
    return jdbc.sql("""
            select coalesce(sum(hours), 0) from coaching_session
            where recorded_by = :coach and status = 'HELD' and held_on >= :from and held_on < :to""")
        .param("coach", coachId).param("from", from).param("to", to)
        .query(BigDecimal.class).single();
  }
}
