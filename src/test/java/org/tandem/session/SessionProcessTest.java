package org.tandem.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.common.InvalidInputException;
import org.tandem.support.LifecycleDriver;
import org.tandem.support.LifecycleTest;

class SessionProcessTest extends LifecycleTest {

  @Autowired
  SessionService sessions;
  @Autowired
  org.tandem.confidential.ConfidentialRecords records;

  @Test
  @DisplayName("SES-1 the coach records the session: number, date, start and end, hours, format and location")
  void coach_records_a_session() {
    String id = driver.inForce(null);
    ProcessInstance session = driver.instance(id, "session");
    assertThat(session).isWaitingAt("Task_RecordSession", "Task_CoachChangesSession", "Task_ClientChangesSession");
    assertThat(driver.plannedAt(id, 1)).isEqualTo(Instant.parse("2026-03-03T10:00:00Z"));

    driver.clockAt(Instant.parse("2026-03-03T12:00:00Z"));
    driver.complete(id, "Task_RecordSession", COACH, Map.of("heldOn", "2026-03-03", "startTime", "10:05",
        "endTime", "11:50", "sessionFormat", "IN_PERSON", "location", "Room 4, Trust HQ"));

    assertThat(session).isEnded().hasPassed("Task_SaveRecord", "Event_FeedbackInvited");
    Map<String, Object> record = driver.rows("select * from coaching_session where relationship_id = :id", id).get(0);
    assertThat(record).containsEntry("NUMBER", 1).containsEntry("STATUS", "HELD")
        .containsEntry("SESSION_FORMAT", "IN_PERSON").containsEntry("LOCATION", "Room 4, Trust HQ")
        .containsEntry("RECORDED_BY", COACH);
    assertThat((BigDecimal) record.get("HOURS")).isEqualByComparingTo("1.75");
    assertThat(record.get("HELD_ON").toString()).isEqualTo("2026-03-03");
    assertThat(record.get("STARTS_AT").toString()).startsWith("10:05");
    assertThat(record.get("ENDS_AT").toString()).startsWith("11:50");
  }

  @Test
  @DisplayName("SES-1 REG-4 recorded hours count towards the coach's practice hours")
  void hours_count_towards_practice() {
    BigDecimal before = sessions.hoursHeld(COACH, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
    String id = driver.firstMeetingHeld();

    assertThat(sessions.hoursHeld(COACH, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1)))
        .isEqualByComparingTo(before.add(new BigDecimal("1.5")));
  }

  @Test
  @DisplayName("SES-1 recording a session is what makes the next steps fall due: the first-meeting decision")
  void recording_triggers_what_is_due() {
    String id = driver.firstMeetingHeld();

    assertThat(driver.instance(id, "sessions"))
        .isWaitingAt("Task_CoachDecidesGo", "Task_ClientDecidesGo", "Task_CoachEndsEarly", "Task_ClientEndsEarly");
  }

  @Test
  @DisplayName("SES-1 a session cannot be recorded before the contract is in force")
  void no_session_before_the_contract() {
    String id = driver.start(COACH, CLIENT, null, "COACHING");

    assertThatThrownBy(() -> sessions.record(id, new SessionRecord(1, LocalDate.of(2026, 3, 2),
        java.time.LocalTime.of(8, 0), java.time.LocalTime.of(9, 0), null,
        org.tandem.contracting.SessionFormat.VIRTUAL, "Teams"), COACH, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has no contract in force yet");
    assertThat(driver.rows("select * from coaching_session where relationship_id = :id", id)).isEmpty();
  }

  @Test
  @DisplayName("SES-1 a session that ends before it starts is refused and the task stays open")
  void record_refused() {
    String id = driver.inForce(null);
    driver.clockAt(Instant.parse("2026-03-03T12:00:00Z"));

    assertThatThrownBy(() -> driver.complete(id, "Task_RecordSession", COACH, Map.of("heldOn", "2026-03-03",
        "startTime", "11:00", "endTime", "10:00", "sessionFormat", "VIRTUAL", "location", "Teams")))
        .isInstanceOf(InvalidInputException.class).hasMessage("The session must end after it starts.");
    assertThat(driver.instance(id, "session")).isWaitingAt("Task_RecordSession");
    assertThat(driver.rows("select * from coaching_session where relationship_id = :id and status = 'HELD'", id))
        .isEmpty();
  }

  @Test
  @DisplayName("SES-1 without an agreed date the coach arranges the session first")
  void arrange_when_no_date_agreed() {
    Map<String, Object> contract = driver.contract();
    contract.remove("firstSessionDate");
    contract.remove("firstSessionTime");
    String id = driver.inForce(org.tandem.support.LifecycleDriver.COACH, CLIENT, null, "COACHING", contract);

    ProcessInstance session = driver.instance(id, "session");
    assertThat(session).isWaitingAt("Task_ArrangeSession").task().isAssignedTo(COACH);
    driver.complete(id, "Task_ArrangeSession", COACH, Map.of("plannedDate", "2026-03-09", "plannedTime", "14:30"));

    assertThat(session).isWaitingAt("Task_RecordSession", "Task_CoachChangesSession", "Task_ClientChangesSession");
    assertThat(driver.plannedAt(id, 1)).isEqualTo(Instant.parse("2026-03-09T14:30:00Z"));
  }

  @Test
  @DisplayName("SES-4 the client cancels with less notice than agreed: recorded as late, by the client, with the new date")
  void late_cancellation_by_the_client() {
    String id = driver.inForce(null);
    driver.clockAt(Instant.parse("2026-03-02T20:00:00Z"));

    driver.complete(id, "Task_ClientChangesSession", CLIENT, Map.of("newDate", "2026-03-10", "newTime", "10:00"));

    ProcessInstance session = driver.instance(id, "session");
    assertThat(session).hasPassed("Task_SaveChange", "Event_Moved")
        .isWaitingAt("Task_RecordSession", "Task_CoachChangesSession", "Task_ClientChangesSession");
    Map<String, Object> change = driver.rows("select * from session_change where relationship_id = :id", id).get(0);
    assertThat(change).containsEntry("CHANGED_BY", CLIENT).containsEntry("CHANGED_BY_ROLE", "CLIENT")
        .containsEntry("LATE", true).containsEntry("NOTICE_MINUTES", 14L * 60);
    assertThat(LifecycleDriver.instant(change.get("MOVED_TO"))).isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
    assertThat(driver.plannedAt(id, 1)).isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
  }

  @Test
  @DisplayName("SES-4 the coach moves a session with enough notice: recorded, not late")
  void timely_move_by_the_coach() {
    Map<String, Object> contract = driver.contract();
    contract.put("firstSessionDate", "2026-03-09");
    String id = driver.inForce(COACH, CLIENT, null, "COACHING", contract);

    driver.complete(id, "Task_CoachChangesSession", COACH, Map.of("newDate", "2026-03-12", "newTime", "15:00"));

    Map<String, Object> change = driver.rows("select * from session_change where relationship_id = :id", id).get(0);
    assertThat(change).containsEntry("CHANGED_BY", COACH).containsEntry("CHANGED_BY_ROLE", "COACH")
        .containsEntry("LATE", false);
  }

  @Test
  @DisplayName("SES-4 whoever cancels arranges the new date: a time in the past is refused")
  void new_date_in_the_past_refused() {
    String id = driver.inForce(null);

    assertThatThrownBy(() -> driver.complete(id, "Task_ClientChangesSession", CLIENT,
        Map.of("newDate", "2026-03-01", "newTime", "10:00")))
        .isInstanceOf(InvalidInputException.class).hasMessage("The new time must be in the future.");
    assertThat(driver.rows("select * from session_change where relationship_id = :id", id)).isEmpty();
  }

  @Test
  @DisplayName("SES-4 a planned session not recorded within the grace period reminds the coach")
  void grace_period_reminder() {
    String id = driver.inForce(null);
    driver.clockAt(Instant.parse("2026-03-10T11:29:00Z"));
    driver.runDueJobs(id);
    assertThat(driver.reminders(id, COACH)).isEmpty();

    driver.clockAt(Instant.parse("2026-03-10T11:31:00Z"));
    driver.runDueJobs(id);

    assertThat(driver.instance(id, "session")).hasPassed("Task_RemindToRecord").isWaitingAt("Task_RecordSession");
    assertThat(driver.reminders(id, COACH)).containsExactly("Reminder: Record the session");
  }

  @Test
  @DisplayName("SES-4 a moved session's grace period runs from its new time")
  void grace_period_after_a_move() {
    String id = driver.inForce(null);
    driver.complete(id, "Task_CoachChangesSession", COACH, Map.of("newDate", "2026-03-12", "newTime", "10:00"));

    driver.clockAt(Instant.parse("2026-03-10T12:00:00Z"));
    driver.runDueJobs(id);
    assertThat(driver.reminders(id, COACH)).as("the old grace period is gone").isEmpty();
    driver.clockAt(Instant.parse("2026-03-19T11:31:00Z"));
    driver.runDueJobs(id);
    assertThat(driver.reminders(id, COACH)).containsExactly("Reminder: Record the session");
  }

  @Test
  @DisplayName("SES-3 the client's feedback and the coach's reflection are optional and lapse without holding anything up")
  void feedback_and_reflection_are_optional() {
    String id = driver.firstMeetingHeld();

    ProcessInstance feedback = driver.instance(id, "session-feedback");
    assertThat(feedback).isWaitingAt("Task_GiveFeedback", "Task_Reflect");
    assertThat(driver.task(id, "Task_GiveFeedback").getAssignee()).isEqualTo(CLIENT);
    assertThat(driver.task(id, "Task_Reflect").getAssignee()).isEqualTo(COACH);
    driver.bothGoOn(id);
    assertThat(driver.instance(id, "session")).as("the next session goes ahead meanwhile").isNotNull();

    driver.advance(Duration.ofDays(15));
    driver.runDueJobs(id);
    assertThat(feedback).isEnded().hasPassed("Event_NoFeedback", "Event_NoReflection");
  }

  @Test
  @DisplayName("SES-3 the client gives feedback and prepares; the coach writes a private reflection")
  void feedback_and_reflection_given() {
    String id = driver.firstMeetingHeld();

    driver.complete(id, "Task_GiveFeedback", CLIENT, Map.of("confidentialWorkedWell", "The timeline exercise",
        "confidentialNextSessionUse", "Talk about the budget"));
    driver.complete(id, "Task_Reflect", COACH, Map.of("privateLearnt", "Slow down before challenging"));

    assertThat(driver.instance(id, "session-feedback")).isNull();
    assertThat(driver.rows("select author_id, field, visibility, reference from confidential_note "
        + "where relationship_id = :id order by id", id))
        .containsExactlyInAnyOrder(
            Map.of("AUTHOR_ID", CLIENT, "FIELD", "confidentialWorkedWell", "VISIBILITY", "PAIR", "REFERENCE", "session 1"),
            Map.of("AUTHOR_ID", CLIENT, "FIELD", "confidentialNextSessionUse", "VISIBILITY", "PAIR", "REFERENCE", "session 1"),
            Map.of("AUTHOR_ID", COACH, "FIELD", "privateLearnt", "VISIBILITY", "AUTHOR", "REFERENCE", "session 1"));
  }

  @Test
  @DisplayName("SES-2 what was discussed stays between coach and client: kept apart, never in the engine's variables or history")
  void session_content_is_confidential() {
    String id = driver.inForce(null);
    driver.holdSession(id, COACH, Map.of("confidentialKeyPoints", "Worried about the restructure",
        "confidentialSessionGoal", "Decide how to raise it", "confidentialActions", "Book time with the director"));

    assertThat(driver.records(records, id, CLIENT)).extracting(e -> e.field() + "=" + e.content() + "@" + e.visibility())
        .containsExactlyInAnyOrder("confidentialKeyPoints=Worried about the restructure@PAIR",
            "confidentialSessionGoal=Decide how to raise it@PAIR", "confidentialActions=Book time with the director@PAIR");
    assertThat(driver.rows("select content from confidential_note where relationship_id = :id", id))
        .as("sealed at rest").extracting(row -> (String) row.get("CONTENT"))
        .allMatch(content -> content.startsWith("v1:") && !content.contains("restructure"));
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableNameLike("confidential%").count()).isZero();
    assertThat(engine.getRuntimeService().createVariableInstanceQuery()
        .variableNameLike("confidential%").count()).isZero();
    assertThat(engine.getHistoryService().createHistoricDetailQuery().variableUpdates().list())
        .noneMatch(detail -> detail.toString().contains("restructure"));
  }
}
