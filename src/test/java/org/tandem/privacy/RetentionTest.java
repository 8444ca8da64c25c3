package org.tandem.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.COORDINATOR;
import static org.tandem.support.LifecycleDriver.OTHER_CLIENT;
import static org.tandem.support.LifecycleDriver.OTHER_COACH;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.ApiTest;
import org.tandem.support.RestClientSupport;

/** DP-3: records stay confidential after a relationship ends, and go when the retention period is over. */
class RetentionTest extends ApiTest {

  static final Duration RETENTION = Duration.ofDays(2555);

  @Autowired
  Retention retention;

  private String endedEarly() {
    String id = driver.inForce(null);
    driver.holdSession(id, COACH, Map.of("confidentialKeyPoints", "Said before the end"));
    driver.endEarly(id, "Task_ClientEndsEarly", CLIENT, "DIFFERENT_SUPPORT", null);
    driver.advance(Duration.ofDays(15));
    driver.runDueJobs(id);
    assertThat(driver.relationship(id)).containsEntry("STATUS", "CLOSED");
    return id;
  }

  private long count(String sql, String id) {
    return jdbc.sql(sql).param("id", id).query(Long.class).single();
  }

  private List<HistoricProcessInstance> history(String id) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).list();
  }

  @Test
  @DisplayName("DP-3 after the relationship ends its records stay confidential: the pair reads them, a coordinator still cannot")
  void confidential_after_the_end() {
    String id = endedEarly();

    assertThat(rest.get("/api/relationships/" + id + "/records", COACH, "demo").body())
        .contains("Said before the end");
    assertThat(rest.get("/api/relationships/" + id + "/records", COORDINATOR, "demo").status()).isEqualTo(403);
    assertThat(history(id)).isNotEmpty().allSatisfy(instance -> assertThat(instance.getRemovalTime())
        .as("removed %s after the relationship closed", RETENTION).isNotNull());
  }

  @Test
  @DisplayName("DP-3 once the retention period is over, a closed relationship's records and history go, and a running one stays")
  void disposed_of_after_the_retention_period() {
    String closed = endedEarly();
    String running = driver.inForce(OTHER_COACH, OTHER_CLIENT, null, "COACHING", driver.contract());
    driver.holdSession(running, OTHER_COACH, Map.of("confidentialKeyPoints", "Still going"));
    assertThat(count("select count(*) from confidential_note where relationship_id = :id", closed)).isPositive();

    java.time.Instant closedAt = org.tandem.support.LifecycleDriver.instant(driver.relationship(closed).get("CLOSED_AT"));
    runTheNightlyJobs(nightOf(closedAt.plus(RETENTION).minus(Duration.ofDays(1))));
    assertThat(count("select count(*) from relationship where id = :id", closed)).as("not yet").isOne();
    assertThat(history(closed)).isNotEmpty();

    java.time.Instant lastEnded = history(closed).stream().map(i -> i.getEndTime().toInstant())
        .max(java.util.Comparator.naturalOrder()).orElseThrow();
    runTheNightlyJobs(nightOf(lastEnded.plus(RETENTION).plus(Duration.ofDays(1))));

    for (String table : List.of("relationship where id", "confidential_note where relationship_id",
        "coaching_session where relationship_id", "contract where relationship_id",
        "evaluation where relationship_id", "decision where relationship_id")) {
      assertThat(count("select count(*) from " + table + " = :id", closed)).as(table).isZero();
    }
    assertThat(history(closed)).as("the engine's history of it").isEmpty();
    assertThat(count("select count(*) from relationship where id = :id", running)).isOne();
    assertThat(count("select count(*) from confidential_note where relationship_id = :id", running)).isOne();
    assertThat(driver.instances(running)).isNotEmpty();
  }

  @Test
  @DisplayName("DP-3 every process definition keeps its history for the retention period, and a changed period is applied on start")
  void time_to_live_follows_the_setting() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(2555));
    PrivacySettings longer = new PrivacySettings("2026-01", Duration.ofDays(3650));
    try {
      new Retention(List.of(), engine, jdbc, longer).applyToTheEngine();
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
          .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650));
    } finally {
      retention.applyToTheEngine();
    }
  }

  /** 02:00 on the day of the instant, where the engine's history cleanup window is (01:00 to 05:00). */
  private static java.time.Instant nightOf(java.time.Instant day) {
    java.time.ZoneId zone = java.time.ZoneId.systemDefault();
    return day.atZone(zone).toLocalDate().atTime(2, 0).atZone(zone).toInstant();
  }

  /** What runs at night: the engine's history cleanup, in its window, and the records-retention process. */
  private void runTheNightlyJobs(java.time.Instant night) {
    driver.clockAt(night);
    Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(false);
    engine.getManagementService().executeJob(cleanup.getId());
    for (Job timer : engine.getManagementService().createJobQuery().processDefinitionKey("records-retention")
        .timers().list()) {
      if (!timer.getDuedate().after(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime())) {
        engine.getManagementService().executeJob(timer.getId());
      }
    }
  }
}
