package org.tandem.programme;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.InvalidInputException;

/**
 * How long people take over each user task of a model (the bottlenecks), and how long each model it calls runs (the
 * relationship's contracting and sessions, each session of the sessions): the median and 90th percentile of the time
 * from creation to completion, for those completed in the period (not those cancelled with their process), of the
 * relationships of the kind asked for, from the engine's history.
 */
@Service
class TaskDurations {

  /** The models whose tasks the programme view times. */
  static final Set<String> MODELS = Set.of("relationship", "contracting", "sessions", "session");

  /** An activity instance the engine cancelled: a called model ended by an escalation or its process's end. */
  private static final int CANCELED = 2;

  /** One user task or called model: how many were completed in the period, and how long they took, in hours. */
  @JsonPropertyOrder({"activityId", "name", "completed", "medianHours", "p90Hours", "maxHours"})
  record Activity(String activityId, String name, long completed, Double medianHours, Double p90Hours,
      Double maxHours) {
  }

  private final JdbcClient jdbc;

  TaskDurations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The user tasks and called models of a model, by their id in it. */
  @Transactional(readOnly = true)
  List<Activity> of(String model, Period period) {
    if (model == null || !MODELS.contains(model)) {
      throw new InvalidInputException("model", "Durations are kept for the models " + String.join(", ",
          MODELS.stream().sorted().toList()) + ", not '" + model + "'.");
    }
    List<Activity> activities = new ArrayList<>(timed("ACT_HI_TASKINST", "TASK_DEF_KEY_", "NAME_",
        "t.DELETE_REASON_ = 'completed'", model, period));
    activities.addAll(timed("ACT_HI_ACTINST", "ACT_ID_", "ACT_NAME_",
        "t.ACT_TYPE_ = 'callActivity' and t.ACT_INST_STATE_ <> " + CANCELED, model, period));
    activities.sort(Comparator.comparing(Activity::activityId));
    return activities;
  }

  /** One history table's activities of the model that ended in the period as {@code ended} says. */
  private List<Activity> timed(String table, String id, String name, String ended, String model, Period period) {
    double hour = 3_600_000d;
    String ofKind = period.kinds() == Period.Kinds.BOTH ? "" : """
         and exists (select 1 from ACT_HI_PROCINST p join relationship r on r.id = p.BUSINESS_KEY_
           where p.ID_ = t.ROOT_PROC_INST_ID_ and r.kind in (:kinds))""";
    return jdbc.sql("""
            select t.%1$s, max(t.%2$s), count(*),
              percentile_cont(0.5) within group (order by t.DURATION_),
              percentile_cont(0.9) within group (order by t.DURATION_),
              max(t.DURATION_)
            from %3$s t
            where t.PROC_DEF_KEY_ = :model and t.END_TIME_ >= :start and t.END_TIME_ < :end
              and t.DURATION_ is not null and %4$s%5$s
            group by t.%1$s""".formatted(id, name, table, ended, ofKind))
        .param("kinds", period.kinds().names())
        .param("model", model).param("start", Timestamp.from(period.start()))
        .param("end", Timestamp.from(period.end()))
        .query((rs, n) -> new Activity(rs.getString(1), rs.getString(2), rs.getLong(3),
            ProgrammeFigures.round(rs.getDouble(4) / hour, 1), ProgrammeFigures.round(rs.getDouble(5) / hour, 1),
            ProgrammeFigures.round(rs.getDouble(6) / hour, 1)))
        .list();
  }
}
