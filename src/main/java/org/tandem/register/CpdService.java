package org.tandem.register;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.EngineTime;
import org.tandem.common.InvalidInputException;
import org.tandem.common.LifecycleSettings;
import org.tandem.common.NotPermittedException;
import org.tandem.notification.Notifications;
import org.tandem.session.SessionService;

/** The CPD log of each coach and the yearly requirement (REG-2, REG-4). Mentors have no minimum. */
@Service
class CpdService {

  private final JdbcClient jdbc;
  private final RegisterService register;
  private final SessionService sessions;
  private final RegisterSettings settings;
  private final LifecycleSettings lifecycle;
  private final Notifications notifications;

  CpdService(JdbcClient jdbc, RegisterService register, SessionService sessions, RegisterSettings settings,
      LifecycleSettings lifecycle, Notifications notifications) {
    this.jdbc = jdbc;
    this.register = register;
    this.sessions = sessions;
    this.settings = settings;
    this.lifecycle = lifecycle;
    this.notifications = notifications;
  }

  public LocalDate today() {
    return LocalDate.ofInstant(EngineTime.now(), lifecycle.zone());
  }

  /**
   * A coach records evidence in their own log; a lapsed coach whose evidence is now complete is restored (REG-2).
   */
  @Transactional
  public CpdEntry record(String coachId, String editorId, CpdEntry entry) {
    CoachProfile profile = register.existing(coachId);
    if (!coachId.equals(editorId)) {
      throw new NotPermittedException("Only " + profile.displayName() + " can add to their CPD log.");
    }
    check(entry);
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
            insert into cpd_entry (coach_id, kind, occurred_on, hours, description, recorded_at)
            values (:coach, :kind, :on, :hours, :description, :at)""")
        .param("coach", coachId).param("kind", entry.kind().name()).param("on", entry.occurredOn())
        .param("hours", entry.kind() == CpdEntry.Kind.PRACTICE_HOURS ? entry.hours() : null)
        .param("description", entry.description().trim()).param("at", Timestamp.from(EngineTime.now()))
        .update(key, "id");
    if (profile.coachLapsed() && compliance(coachId).compliant()) {
      register.restore(coachId);
    }
    return new CpdEntry(key.getKey().longValue(), entry.kind(), entry.occurredOn(), entry.hours(),
        entry.description().trim(), EngineTime.now());
  }

  private void check(CpdEntry entry) {
    if (entry.kind() == null) {
      throw new InvalidInputException("kind", "Choose practice hours, supervision or a CPD activity.");
    }
    if (entry.occurredOn() == null) {
      throw new InvalidInputException("occurredOn", "Give the date.");
    }
    if (entry.occurredOn().isAfter(today())) {
      throw new InvalidInputException("occurredOn", "Evidence is recorded once it has happened, not for a future date.");
    }
    if (entry.kind() == CpdEntry.Kind.PRACTICE_HOURS && (entry.hours() == null
        || entry.hours().signum() <= 0 || entry.hours().compareTo(BigDecimal.valueOf(24)) > 0)) {
      throw new InvalidInputException("hours", "Practice hours must be more than 0 and at most 24 for one entry.");
    }
    if (entry.description() == null || entry.description().isBlank() || entry.description().length() > 500) {
      throw new InvalidInputException("description", "Describe the evidence in at most 500 characters.");
    }
  }

  public List<CpdEntry> log(String coachId) {
    return jdbc.sql("""
            select id, kind, occurred_on, hours, description, recorded_at from cpd_entry
            where coach_id = :coach order by occurred_on, id""")
        .param("coach", coachId)
        .query((rs, n) -> new CpdEntry(rs.getLong(1), CpdEntry.Kind.valueOf(rs.getString(2)),
            rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
        .list();
  }

  /** REG-2 over the year up to and including today. */
  public Compliance compliance(String coachId) {
    return compliance(coachId, today());
  }

  /** REG-2: a coach short of CPD is told what to record in their log; answers what is short. */
  public Compliance remind(String coachId) {
    Compliance compliance = compliance(coachId);
    notifications.remind("cpd-short:" + coachId + ":" + today(), coachId, null, "Your CPD evidence for the register",
        "To stay on the register, record in your CPD log: " + String.join("; ", compliance.shortfalls()) + ".");
    return compliance;
  }

  /** REG-2 over the year up to and including {@code asOf}; a mentor who is not also a coach has nothing to show. */
  public Compliance compliance(String coachId, LocalDate asOf) {
    CoachProfile profile = register.existing(coachId);
    LocalDate from = asOf.minusYears(1).plusDays(1);
    LocalDate to = asOf.plusDays(1);
    Object[] logged = jdbc.sql("""
            select
              coalesce(sum(case when kind = 'PRACTICE_HOURS' then hours end), 0) as hours,
              count(case when kind = 'SUPERVISION' then 1 end) as supervision,
              count(case when kind = 'CPD_ACTIVITY' then 1 end) as activities
            from cpd_entry where coach_id = :coach and occurred_on >= :from and occurred_on < :to""")
        .param("coach", coachId).param("from", from).param("to", to)
        .query((rs, n) -> new Object[] {rs.getBigDecimal(1), rs.getInt(2), rs.getInt(3)}).single();
    BigDecimal loggedHours = (BigDecimal) logged[0];
    int supervision = (Integer) logged[1];
    int activities = (Integer) logged[2];
    BigDecimal sessionHours = sessions.hoursHeld(coachId, from, to);
    return compliance(profile, from, asOf, loggedHours, sessionHours, supervision, activities);
  }

  private Compliance compliance(CoachProfile profile, LocalDate from, LocalDate to, BigDecimal loggedHours,
      BigDecimal sessionHours, int supervision, int activities) {
    return new Compliance(profile.userId(), from, to, loggedHours, sessionHours, supervision, activities,
        CpdRules.shortfalls(profile.coach(), loggedHours.add(sessionHours), supervision, activities, settings));
  }

  /** The listed coaches short of CPD for the year up to {@code asOf}, in one pass over the log and the sessions. */
  public List<String> coachesShortOfCpd(LocalDate asOf) {
    LocalDate from = asOf.minusYears(1).plusDays(1);
    LocalDate to = asOf.plusDays(1);
    Map<String, int[]> counts = new HashMap<>();
    Map<String, BigDecimal> loggedHours = new HashMap<>();
    jdbc.sql("""
            select e.coach_id, e.kind, count(*), coalesce(sum(e.hours), 0) from cpd_entry e
            join coach_profile p on p.user_id = e.coach_id
            where p.status = 'LISTED' and p.is_coach and e.occurred_on >= :from and e.occurred_on < :to
            group by e.coach_id, e.kind""")
        .param("from", from).param("to", to)
        .query(rs -> {
          String coach = rs.getString(1);
          switch (CpdEntry.Kind.valueOf(rs.getString(2))) {
            case PRACTICE_HOURS -> loggedHours.put(coach, rs.getBigDecimal(4));
            case SUPERVISION -> counts.computeIfAbsent(coach, c -> new int[2])[0] = rs.getInt(3);
            case CPD_ACTIVITY -> counts.computeIfAbsent(coach, c -> new int[2])[1] = rs.getInt(3);
          }
        });
    Map<String, BigDecimal> sessionHours = sessions.hoursHeldByCoach(from, to);
    List<String> coaches = jdbc.sql("""
            select user_id from coach_profile where status = 'LISTED' and is_coach order by user_id""")
        .query(String.class).list();
    List<String> short_ = new ArrayList<>();
    for (String coach : coaches) {
      BigDecimal hours = loggedHours.getOrDefault(coach, BigDecimal.ZERO)
          .add(sessionHours.getOrDefault(coach, BigDecimal.ZERO));
      int[] count = counts.getOrDefault(coach, new int[2]);
      if (!CpdRules.shortfalls(true, hours, count[0], count[1], settings).isEmpty()) {
        short_.add(coach);
      }
    }
    return short_;
  }
}
