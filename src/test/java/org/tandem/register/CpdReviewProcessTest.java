package org.tandem.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.common.InvalidInputException;
import org.tandem.support.LifecycleDriverJson;
import org.tandem.support.LifecycleTest;
import org.tandem.support.RegisterFixtures;

class CpdReviewProcessTest extends LifecycleTest {

  @Autowired
  CpdService cpd;
  @Autowired
  RegisterService register;

  RegisterFixtures fixtures;
  /** The day the yearly timer fires next; the tests live in the month before it. */
  Instant reviewDate;

  @BeforeEach
  void fixtures() {
    fixtures = new RegisterFixtures(jdbc);
    reviewDate = yearlyTimer().getDuedate().toInstant();
    driver.clockAt(reviewDate.minus(Duration.ofDays(30)));
  }

  /** The timer of the yearly start event: the review's only job that belongs to no instance. */
  private Job yearlyTimer() {
    List<Job> timers = engine.getManagementService().createJobQuery().processDefinitionKey("cpd-annual-review")
        .timers().active().list().stream().filter(job -> job.getProcessInstanceId() == null).toList();
    assertThat(timers).hasSize(1);
    return timers.get(0);
  }

  private LocalDate beforeReview(int days) {
    return LocalDate.ofInstant(reviewDate, java.time.ZoneOffset.UTC).minusDays(days);
  }

  /** A coach on the register with an account in the coaches group, as registration leaves them. */
  private String coach() {
    String id = fixtures.profile("cpd" + UUID.randomUUID().toString().substring(0, 8)).save();
    var user = engine.getIdentityService().newUser(id);
    user.setPassword("demo");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(id, org.tandem.identity.Roles.COACHES);
    return id;
  }

  /** A coach with this much evidence in their CPD log. */
  private String coachWith(int hours, int supervision, int activities) {
    String coach = coach();
    evidence(coach, hours, supervision, activities);
    return coach;
  }

  private String mentor() {
    return fixtures.profile("cpdm" + UUID.randomUUID().toString().substring(0, 8)).mentorOnly().save();
  }

  private void evidence(String coach, int hours, int supervision, int activities) {
    LocalDate day = beforeReview(50);
    if (hours > 0) {
      cpd.record(coach, coach, new CpdEntry(null, CpdEntry.Kind.PRACTICE_HOURS, day, BigDecimal.valueOf(hours),
          "Coaching practice", null));
    }
    for (int i = 0; i < supervision; i++) {
      cpd.record(coach, coach, new CpdEntry(null, CpdEntry.Kind.SUPERVISION, day, null, "Supervision", null));
    }
    for (int i = 0; i < activities; i++) {
      cpd.record(coach, coach, new CpdEntry(null, CpdEntry.Kind.CPD_ACTIVITY, day, null, "Workshop", null));
    }
  }

  /** The yearly timer fires: answers the review's instance. */
  private ProcessInstance reviewRuns() {
    Job yearly = yearlyTimer();
    assertThat(yearly.getDuedate().toInstant().atZone(java.time.ZoneOffset.UTC))
        .satisfies(due -> assertThat(due.getMonthValue() + "-" + due.getDayOfMonth() + " " + due.getHour())
            .isEqualTo("4-1 6"));
    driver.clockAt(reviewDate);
    java.util.Set<String> before = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("cpd-annual-review").list().stream().map(ProcessInstance::getId)
        .collect(java.util.stream.Collectors.toSet());
    engine.getManagementService().executeJob(yearly.getId());
    // ids are not in the order they were made: the new instance is the one that was not there before
    ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("cpd-annual-review").list().stream()
        .filter(instance -> !before.contains(instance.getId()) && !instance.isEnded()).findFirst().orElseThrow();
    runJobs(review);
    return review;
  }

  private void runJobs(ProcessInstance review) {
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(review.getId()).list()) {
      if (job.getDuedate() == null
          || !job.getDuedate().after(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime())) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
  }

  private Task evidenceTask(ProcessInstance review, String coach) {
    return engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).taskAssignee(coach)
        .singleResult();
  }

  /** The coach submits their evidence task with these items of the form's list. */
  @SafeVarargs
  private void submitEvidence(ProcessInstance review, String coach, Map<String, Object>... items) {
    driver.completeTask(evidenceTask(review, coach).getId(), coach,
        Map.of("evidence", LifecycleDriverJson.list(items)));
  }

  /** The item is refused with the message, and nothing is recorded. */
  private void refused(String coach, Map<String, Object> item, String message) {
    ProcessInstance review = reviewRuns();
    assertThatThrownBy(() -> submitEvidence(review, coach, item))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message);
    assertThat(cpd.log(coach)).isEmpty();
    assertThat(evidenceTask(review, coach)).isNotNull();
  }

  private boolean lapsed(String coach) {
    return register.find(coach).orElseThrow().coachLapsed();
  }

  @Test
  @DisplayName("REG-2 once a year each coach short of CPD is reminded and asked for evidence; compliant coaches and mentors are not")
  void short_coaches_are_asked() {
    String compliant = coachWith(12, 2, 2);
    String short_ = coachWith(10, 2, 1);
    String mentor = mentor();

    ProcessInstance review = reviewRuns();

    assertThat(evidenceTask(review, compliant)).isNull();
    assertThat(evidenceTask(review, mentor)).isNull();
    Task task = evidenceTask(review, short_);
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_AddEvidence");
    assertThat(engine.getTaskService().getVariable(task.getId(), "cpdShortfalls"))
        .isEqualTo("2 more hours of coaching practice; 1 more CPD activities");
    assertThat(jdbc.sql("select subject from notification where recipient_id = :id and kind = 'MESSAGE'").param("id", short_)
        .query(String.class).list()).containsExactly("Your CPD evidence for the register");
  }

  @Test
  @DisplayName("REG-2 REG-4 hours of sessions recorded in relationships count towards the practice hours")
  void session_hours_count() {
    String coach = coachWith(0, 2, 2);
    LocalDate asOf = beforeReview(10);
    assertThat(cpd.compliance(coach, asOf).shortfalls())
        .containsExactly("12 more hours of coaching practice");

    jdbc.sql("""
            insert into relationship (id, kind, coach_id, client_id, status, opened_at)
            values ('R-CPD' || :suffix, 'COACHING', :coach, 'clara', 'ACTIVE', current_timestamp)""")
        .param("suffix", coach.substring(3)).param("coach", coach).update();
    for (int i = 1; i <= 6; i++) {
      jdbc.sql("""
              insert into coaching_session (relationship_id, number, status, planned_at, planned_minutes, held_on,
                hours, recorded_at, recorded_by)
              values ('R-CPD' || :suffix, :number, 'HELD', current_timestamp, 120, :heldOn, 2.00,
                current_timestamp, :coach)""")
          .param("suffix", coach.substring(3)).param("number", i).param("heldOn", beforeReview(40 - i))
          .param("coach", coach).update();
    }

    Compliance compliance = cpd.compliance(coach, asOf);
    assertThat(compliance.sessionHours()).isEqualByComparingTo("12");
    assertThat(compliance.compliant()).isTrue();
  }

  @Test
  @DisplayName("REG-2 a reminded coach records the evidence in the task and is done")
  void reminded_and_fixed() {
    String coach = coachWith(12, 2, 0);
    ProcessInstance review = reviewRuns();

    submitEvidence(review, coach,
        Map.of("kind", "CPD_ACTIVITY", "occurredOn", beforeReview(2).toString(), "description", "Reading group"),
        Map.of("kind", "CPD_ACTIVITY", "occurredOn", beforeReview(1).toString(), "description", "Webinar on ethics"));

    assertThat(evidenceTask(review, coach)).isNull();
    assertThat(cpd.compliance(coach, cpd.today()).compliant()).isTrue();
    assertThat(lapsed(coach)).isFalse();
  }

  @Test
  @DisplayName("REG-2 evidence that is still short keeps the task open with what is left")
  void still_short() {
    String coach = coachWith(12, 0, 2);
    ProcessInstance review = reviewRuns();

    submitEvidence(review, coach,
        Map.of("kind", "SUPERVISION", "occurredOn", beforeReview(2).toString(), "description", "Group supervision"));

    Task again = evidenceTask(review, coach);
    assertThat(again).isNotNull();
    assertThat(engine.getTaskService().getVariable(again.getId(), "cpdShortfalls"))
        .isEqualTo("1 more supervision sessions");
  }

  @Test
  @DisplayName("REG-2 a CPD entry dated in the future is refused and nothing is recorded")
  void future_entry() {
    refused(coach(),
        Map.of("kind", "SUPERVISION", "occurredOn", beforeReview(-30).toString(), "description", "Next month"),
        "Evidence is recorded once it has happened, not for a future date.");
  }

  @Test
  @DisplayName("REG-2 practice hours that are not a whole number are refused with the reason, and nothing is recorded")
  void hours_not_a_whole_number() {
    refused(coach(), Map.of("kind", "PRACTICE_HOURS", "occurredOn", beforeReview(2).toString(), "hours", "two",
        "description", "Clients"), "The hours must be a whole number, not 'two'.");
  }

  @Test
  @DisplayName("REG-2 still short at the end of the grace period, the coach lapses; recording the evidence restores them")
  void lapsed_and_restored() {
    String coach = coachWith(12, 2, 1);
    ProcessInstance review = reviewRuns();

    driver.advance(Duration.ofDays(29));
    runJobs(review);
    assertThat(lapsed(coach)).isFalse();
    driver.advance(Duration.ofDays(2));
    runJobs(review);

    assertThat(evidenceTask(review, coach)).isNull();
    assertThat(lapsed(coach)).isTrue();

    cpd.record(coach, coach, new CpdEntry(null, CpdEntry.Kind.CPD_ACTIVITY, cpd.today(), null, "Conference", null));
    assertThat(lapsed(coach)).isFalse();
  }

  @Test
  @DisplayName("REG-2 evidence recorded in the CPD log instead of the task counts when the grace period ends")
  void evidence_through_the_log() {
    String coach = coachWith(12, 2, 1);
    ProcessInstance review = reviewRuns();
    cpd.record(coach, coach, new CpdEntry(null, CpdEntry.Kind.CPD_ACTIVITY, cpd.today(), null, "Conference", null));

    driver.advance(Duration.ofDays(31));
    runJobs(review);

    assertThat(evidenceTask(review, coach)).isNull();
    assertThat(lapsed(coach)).isFalse();
  }

  @Test
  @DisplayName("REG-2 only the coach adds to their CPD log")
  void someone_elses_log() {
    String coach = coach();
    assertThatThrownBy(() -> cpd.record(coach, "colin", new CpdEntry(null, CpdEntry.Kind.SUPERVISION,
        beforeReview(50), null, "Supervision", null)))
        .isInstanceOf(org.tandem.common.NotPermittedException.class);
    assertThat(cpd.log(coach)).isEmpty();
  }

  @Test
  @DisplayName("REG-2 a coordinator can run the review at once; the yearly timer keeps its date")
  void review_on_request() {
    String coach = coach();
    ProcessInstance review = engine.getRuntimeService().startProcessInstanceByMessage("CpdReviewRequested");
    runJobs(review);
    assertThat(evidenceTask(review, coach)).isNotNull();
    assertThat(List.of(yearlyTimer().getDuedate().toInstant())).containsExactly(reviewDate);
  }
}
