package org.tandem.programme;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.programme.Phases.Phase;
import org.tandem.register.RegisterHealth;

/**
 * The programme's figures for a period (README, "The programme in Cockpit"): each is counted from the product's own
 * records, which hold no confidential content; evaluation answers come only from the anonymous store (EVA-4).
 */
@Service
class ProgrammeFigures {

  private static final double DAY_MILLIS = Duration.ofDays(1).toMillis();

  /**
   * Every figure of the programme view, for one period and kind, with the settings they were computed with: the
   * fewest answers an evaluation figure is shown for, and the days without a completed task that make a relationship
   * stalled.
   */
  record Summary(Period.Kinds kind, LocalDate from, LocalDate to, int minimumGroup, long stalledAfterDays,
      PhaseCounts phases, Matching matching,
      Contracting contracting, Sessions sessions, Outcomes outcomes, List<EvaluationFigure> evaluations,
      RegisterHealth.Figures register) {
  }

  /** Where relationships and requests stand now, whatever the period. */
  record PhaseCounts(long requested, long matching, long contracting, long sessions, long closing) {
  }

  /**
   * Requests made in the period: how many were matched, how long that took from request to the coach's acceptance
   * (MAT-3), and how many went to a coordinator to match by hand.
   */
  record Matching(long requests, long matched, Double matchRate, Double medianDaysToMatch, Double p90DaysToMatch,
      long byHand) {
  }

  /** Relationships matched in the period: how long from the match until their first contract was in force. */
  record Contracting(long inForce, Double medianDaysToContract, Double p90DaysToContract) {
  }

  /** Relationships closed in the period: how many sessions each held. */
  record Sessions(long relationships, long held, Double meanPerRelationship, Double medianPerRelationship) {
  }

  /** Relationships closed in the period, by outcome, and the early endings by reason (END-1, GO-1). */
  record Outcomes(long closed, long completed, long endedEarly, long stoppedAtFirstMeeting, long withdrawn,
      Map<String, Long> endedEarlyByReason) {
  }

  /**
   * The average rating (1 to 5) one question of one questionnaire was given in the period's months; withheld, with
   * no figure at all, where fewer people answered than the minimum group (EVA-4).
   */
  record EvaluationFigure(String questionnaire, String question, Long answers, Double average, boolean withheld) {
  }

  private final JdbcClient jdbc;
  private final Phases phases;
  private final RegisterHealth register;
  private final ProgrammeSettings settings;

  ProgrammeFigures(JdbcClient jdbc, Phases phases, RegisterHealth register, ProgrammeSettings settings) {
    this.jdbc = jdbc;
    this.phases = phases;
    this.register = register;
    this.settings = settings;
  }

  @Transactional(readOnly = true)
  Summary summary(Period period) {
    return new Summary(period.kinds(), period.from(), period.to(), settings.minimumGroup(),
        settings.stalledAfter().toDays(), phases(period.kinds()), matching(period),
        contracting(period), sessions(period), outcomes(period), evaluations(period), register(period.kinds()));
  }

  PhaseCounts phases(Period.Kinds kinds) {
    return new PhaseCounts(phases.count(Phase.REQUESTED, kinds), phases.count(Phase.MATCHING, kinds),
        phases.count(Phase.CONTRACTING, kinds), phases.count(Phase.SESSIONS, kinds),
        phases.count(Phase.CLOSING, kinds));
  }

  Matching matching(Period period) {
    long requests = jdbc.sql("""
            select count(*) from coaching_request q
            where q.kind in (:kinds) and q.created_at >= :start and q.created_at < :end""")
        .params(bounds(period)).query(Long.class).single();
    List<Double> days = jdbc.sql("""
            select q.created_at, r.opened_at from coaching_request q join relationship r on r.id = q.relationship_id
            where q.kind in (:kinds) and q.created_at >= :start and q.created_at < :end and q.status = 'MATCHED'""")
        .params(bounds(period))
        .query((rs, n) -> days(rs.getTimestamp(1), rs.getTimestamp(2))).list();
    long byHand = jdbc.sql("""
            select count(*) from coaching_request q
            where q.kind in (:kinds) and q.created_at >= :start and q.created_at < :end
              and (q.status = 'WITH_COORDINATOR' or exists (select 1 from match_offer o
                   where o.request_id = q.id and o.chosen_by <> q.client_id))""")
        .params(bounds(period)).query(Long.class).single();
    Percentiles toMatch = Percentiles.of(days);
    return new Matching(requests, days.size(), requests == 0 ? null : round((double) days.size() / requests, 3),
        round(toMatch.median(), 1), round(toMatch.p90(), 1), byHand);
  }

  Contracting contracting(Period period) {
    List<Double> days = jdbc.sql("""
            select r.opened_at, c.in_force_at from relationship r
            join contract c on c.relationship_id = r.id and c.version = 1
            where r.kind in (:kinds) and r.opened_at >= :start and r.opened_at < :end and c.in_force_at is not null""")
        .params(bounds(period))
        .query((rs, n) -> days(rs.getTimestamp(1), rs.getTimestamp(2))).list();
    Percentiles toContract = Percentiles.of(days);
    return new Contracting(days.size(), round(toContract.median(), 1), round(toContract.p90(), 1));
  }

  Sessions sessions(Period period) {
    List<Long> held = jdbc.sql("""
            select (select count(*) from coaching_session s where s.relationship_id = r.id and s.status = 'HELD')
            from relationship r
            where r.kind in (:kinds) and r.status = 'CLOSED' and r.closed_at >= :start and r.closed_at < :end""")
        .params(bounds(period)).query(Long.class).list();
    Percentiles perRelationship = Percentiles.of(held);
    return new Sessions(held.size(), held.stream().mapToLong(Long::longValue).sum(),
        round(perRelationship.mean(), 1), round(perRelationship.median(), 1));
  }

  Outcomes outcomes(Period period) {
    Map<String, Long> byOutcome = new LinkedHashMap<>();
    Map<String, Long> byReason = new LinkedHashMap<>();
    jdbc.sql("""
            select r.outcome, r.end_reason, count(*) from relationship r
            where r.kind in (:kinds) and r.status = 'CLOSED' and r.closed_at >= :start and r.closed_at < :end
            group by r.outcome, r.end_reason order by r.outcome, r.end_reason""")
        .params(bounds(period))
        .query(rs -> {
          String outcome = rs.getString(1);
          long count = rs.getLong(3);
          byOutcome.merge(outcome == null ? "UNKNOWN" : outcome, count, Long::sum);
          if ("ENDED_EARLY".equals(outcome)) {
            byReason.merge(rs.getString(2) == null ? "OTHER" : rs.getString(2), count, Long::sum);
          }
        });
    return new Outcomes(byOutcome.values().stream().mapToLong(Long::longValue).sum(),
        byOutcome.getOrDefault("COMPLETED", 0L), byOutcome.getOrDefault("ENDED_EARLY", 0L),
        byOutcome.getOrDefault("STOPPED_AT_FIRST_MEETING", 0L), byOutcome.getOrDefault("WITHDRAWN", 0L), byReason);
  }

  /** Only ratings: an answer is averaged where it is one of the forms' 1 to 5. */
  List<EvaluationFigure> evaluations(Period period) {
    List<EvaluationFigure> figures = new ArrayList<>();
    jdbc.sql("""
            select questionnaire, question, count(*), avg(cast(answer as decimal(3, 1))) from evaluation_answer
            where kind in (:kinds) and answered_in >= :first and answered_in <= :last
              and answer in ('1', '2', '3', '4', '5')
            group by questionnaire, question order by questionnaire, question""")
        .param("kinds", period.kinds().names()).param("first", period.firstMonth())
        .param("last", period.lastMonth())
        .query(rs -> {
          long answers = rs.getLong(3);
          boolean withheld = answers < settings.minimumGroup();
          figures.add(new EvaluationFigure(rs.getString(1), rs.getString(2), withheld ? null : answers,
              withheld ? null : round(rs.getDouble(4), 2), withheld));
        });
    return figures;
  }

  RegisterHealth.Figures register(Period.Kinds kinds) {
    return register.now(kinds != Period.Kinds.MENTORING, kinds != Period.Kinds.COACHING);
  }

  private static Map<String, Object> bounds(Period period) {
    return Map.of("kinds", period.kinds().names(), "start", Timestamp.from(period.start()),
        "end", Timestamp.from(period.end()));
  }

  private static double days(Timestamp from, Timestamp to) {
    return (to.getTime() - from.getTime()) / DAY_MILLIS;
  }

  static Double round(Double value, int places) {
    if (value == null) {
      return null;
    }
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }
}
