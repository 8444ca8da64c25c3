package org.tandem.programme;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.EngineTime;
import org.tandem.common.LifecycleSettings;

/**
 * Open relationships in which nobody has completed a task for a while: where each waits, since when, and for how
 * long, the longest first. Read from the engine's history of the relationship's process and everything it called.
 */
@Service
class Stalled {

  /** One open task a stalled relationship waits at; not whose it is, so that no client is named. */
  record Waiting(String task, String taskName, Instant since) {
  }

  /**
   * A stalled relationship: nothing done since {@code lastActivity} (its last completed task, or its start),
   * {@code idleDays} days ago by the calendar of the programme's time zone.
   */
  record Relationship(String relationshipId, String kind, String status, String processInstanceId,
      Instant lastActivity, long idleDays, List<Waiting> waitingAt) {
  }

  /** How many relationships' open tasks one query reads. */
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final LifecycleSettings lifecycle;

  Stalled(JdbcClient jdbc, LifecycleSettings lifecycle) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
  }

  /** The open relationships of the kinds in which no task was completed for {@code after} or longer. */
  @Transactional(readOnly = true)
  List<Relationship> list(Period.Kinds kinds, Duration after) {
    Instant now = EngineTime.now();
    Instant before = now.minus(after);
    Map<String, Relationship> stalled = new LinkedHashMap<>();
    jdbc.sql("""
            select r.id, r.kind, r.status, p.ID_, coalesce(
                (select max(t.END_TIME_) from ACT_HI_TASKINST t
                 where t.ROOT_PROC_INST_ID_ = p.ID_ and t.DELETE_REASON_ = 'completed'), p.START_TIME_)
            from relationship r
            join ACT_HI_PROCINST p on p.BUSINESS_KEY_ = r.id and p.PROC_DEF_KEY_ = 'relationship'
              and p.END_TIME_ is null
            where r.kind in (:kinds) and r.status <> 'CLOSED'""")
        .param("kinds", kinds.names())
        .query(rs -> {
          Instant last = rs.getTimestamp(5).toInstant();
          if (!last.isAfter(before)) {
            stalled.put(rs.getString(4), new Relationship(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), last, idleDays(last, now), new ArrayList<>()));
          }
        });
    List<String> roots = List.copyOf(stalled.keySet());
    for (int first = 0; first < roots.size(); first += BATCH) {
      jdbc.sql("""
              select t.ROOT_PROC_INST_ID_, t.TASK_DEF_KEY_, t.NAME_, t.START_TIME_ from ACT_HI_TASKINST t
              where t.END_TIME_ is null and t.ROOT_PROC_INST_ID_ in (:roots) order by t.START_TIME_""")
          .param("roots", roots.subList(first, Math.min(first + BATCH, roots.size())))
          .query(rs -> {
            stalled.get(rs.getString(1)).waitingAt().add(new Waiting(rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant()));
          });
    }
    return stalled.values().stream()
        .sorted(Comparator.comparing(Relationship::lastActivity).thenComparing(Relationship::relationshipId))
        .toList();
  }

  /** Whole days in the programme's time zone, from the day of the last activity to today. */
  private long idleDays(Instant last, Instant now) {
    return ChronoUnit.DAYS.between(last.atZone(lifecycle.zone()).toLocalDate(),
        now.atZone(lifecycle.zone()).toLocalDate());
  }
}
