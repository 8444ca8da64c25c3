package org.tandem.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.support.ProcessTestEngine;

/**
 * The model {@code session} on the plain in-memory engine, its beans stubbed: the paths a session takes, without the
 * product around it (see {@link SessionProcessTest} for the same with the product).
 */
@Deployment(resources = "processes/session.bpmn")
class SessionModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.withCoverage();

  static final Instant PLANNED_END = Instant.parse("2026-03-03T11:00:00Z");
  static final Instant RECORD_DUE_BY = Instant.parse("2026-03-05T11:00:00Z");

  final List<String> called = new ArrayList<>();
  boolean dateAgreed = true;

  @BeforeEach
  void beans() {
    init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(PLANNED_END));
    Mocks.register("planSession", bean("planSession", e -> {
      e.setVariable("dateAgreed", dateAgreed);
      e.setVariable("recordDueBy", RECORD_DUE_BY.toString());
    }));
    Mocks.register("saveSessionArrangement", bean("saveSessionArrangement", e -> { }));
    Mocks.register("recordSession", bean("recordSession", e -> { }));
    Mocks.register("recordSessionChange", bean("recordSessionChange", e -> { }));
    Mocks.register("remindAssignee", bean("remindAssignee", e -> { }));
    Mocks.register("inviteSessionFeedback", bean("inviteSessionFeedback", e -> { }));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  JavaDelegate bean(String name, JavaDelegate body) {
    return e -> {
      called.add(name + "@" + e.getCurrentActivityId());
      body.execute(e);
    };
  }

  ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey("session", "R-000001",
        Map.of("relationshipId", "R-000001", "coachId", "carol", "clientId", "clara", "sessionNumber", 1));
  }

  @Test
  @DisplayName("SES-1 an agreed date plans the session; the coach records it and feedback is invited")
  void recorded() {
    ProcessInstance session = start();
    assertThat(session).isWaitingAt("Task_RecordSession", "Task_CoachChangesSession", "Task_ClientChangesSession")
        .hasPassed("Task_PlanSession", "Gateway_DateAgreed", "Gateway_Planned");

    complete(task("Task_RecordSession", session));

    assertThat(session).isEnded()
        .hasPassed("Task_SaveRecord", "Event_SessionRecorded", "Event_FeedbackInvited", "Event_SessionHeld");
    assertThat(called).containsExactly("planSession@Task_PlanSession", "recordSession@Task_SaveRecord",
        "inviteSessionFeedback@Event_FeedbackInvited");
  }

  @Test
  @DisplayName("SES-4 without an agreed date the coach arranges the session first")
  void arranged() {
    dateAgreed = false;
    ProcessInstance session = start();
    assertThat(session).isWaitingAt("Task_ArrangeSession");

    complete(task("Task_ArrangeSession", session));

    assertThat(session).hasPassed("Task_SaveArrangement")
        .isWaitingAt("Task_RecordSession", "Task_CoachChangesSession", "Task_ClientChangesSession");
  }

  @Test
  @DisplayName("SES-4 a moved session escalates 'Session moved' and is planned again; nothing fails")
  void moved() {
    ProcessInstance session = start();

    complete(task("Task_ClientChangesSession", session), Map.of("changedByRole", "CLIENT"));

    assertThat(session).hasPassed("Task_SaveChange", "Event_SessionMoved", "Event_Moved")
        .isWaitingAt("Task_RecordSession", "Task_CoachChangesSession", "Task_ClientChangesSession");
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();

    complete(task("Task_CoachChangesSession", session));
    assertThat(called).filteredOn(c -> c.startsWith("recordSessionChange")).hasSize(2);
    complete(task("Task_RecordSession", session));
    assertThat(session).isEnded();
  }

  @Test
  @DisplayName("SES-4 a session not recorded within the grace period reminds the coach, who can still record it")
  void reminded() {
    ProcessInstance session = start();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(session.getId()).timers()
        .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(RECORD_DUE_BY));

    ClockUtil.setCurrentTime(Date.from(RECORD_DUE_BY.plusSeconds(60)));
    engine.getManagementService().executeJob(timer.getId());

    assertThat(session).hasPassed("Event_RecordOverdue", "Task_RemindToRecord", "Event_CoachReminded")
        .isWaitingAt("Task_RecordSession");
    assertThat(called).contains("remindAssignee@Task_RemindToRecord");
    complete(task("Task_RecordSession", session));
    assertThat(session).isEnded();
  }
}
