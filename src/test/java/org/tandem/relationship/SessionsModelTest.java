package org.tandem.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.support.ProcessTestEngine;

/**
 * {@code processes/relationship.bpmn} and {@code processes/sessions.bpmn} on the plain in-memory engine: the paths of
 * the models themselves, their delegates replaced by stand-ins that decide what falls due after each session. The
 * called {@code contracting} and {@code session} models are stand-ins too: one task each, completed by the test.
 * {@link RelationshipLifecycleTest} proves the same rules with the real delegates and models.
 */
@Deployment(resources = {"processes/relationship.bpmn", "processes/sessions.bpmn", "forms/relationship-start.form",
    "forms/first-meeting.form", "forms/review.form", "forms/end-early.form"})
class SessionsModelTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.withCoverage();

  /** The stand-in session and contracting models: a task that the test completes. */
  private String standIns;
  /** Each delegate's name as it ran, in order. */
  private final List<String> calls = new ArrayList<>();
  /** After how many sessions the middle evaluations and the reviews fall due in these tests. */
  private int middleAt = 2;
  private int reviewEvery = 4;

  @BeforeEach
  void standIns() {
    init(engine.getProcessEngine());
    standIns = engine.getProcessEngine().getRepositoryService().createDeployment()
        .addModelInstance("session.bpmn", Bpmn.createExecutableProcess("session").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_StandInSession").endEvent().done())
        .addModelInstance("contracting.bpmn", Bpmn.createExecutableProcess("contracting").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_StandInContract").endEvent().done())
        .deploy().getId();
    Mocks.register("lifecycleTimers", new org.tandem.common.LifecycleTimers(
        org.tandem.support.ModelClock.defaultSettings()));
    delegate("openRelationship", execution -> {
      execution.setVariable("relationshipId", "R-000001");
      execution.setProcessBusinessKey("R-000001");
    });
    delegate("countSession", execution -> {
      int held = ((Number) execution.getVariable("sessionsHeld")).intValue() + 1;
      execution.setVariable("sessionsHeld", held);
      execution.setVariable("sessionNumber", held + 1);
      execution.setVariable("firstMeeting", held == 1);
      execution.setVariable("middleEvaluationsDue", held == middleAt);
      execution.setVariable("reviewDue", held % reviewEvery == 0);
    });
    delegate("recordReview", execution -> execution.setVariable("continueTogether",
        "CONTINUE".equals(execution.getVariable("coachReviewDecision"))
            && "CONTINUE".equals(execution.getVariable("clientReviewDecision"))));
    for (String name : List.of("inviteStartEvaluation", "recordGo", "recordNoGo", "inviteMiddleEvaluations",
        "recordEarlyEnding", "closeRelationship", "inviteEndEvaluations")) {
      delegate(name, execution -> { });
    }
    Mocks.register("offerEndReasons", (TaskListener) task -> calls.add("offerEndReasons@" + task.getTaskDefinitionKey()));
  }

  private void delegate(String name, JavaDelegate behaviour) {
    Mocks.register(name, (JavaDelegate) execution -> {
      calls.add(name);
      behaviour.execute(execution);
    });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    engine.getProcessEngine().getRepositoryService().deleteDeployment(standIns, true);
  }

  private ProcessInstance relationship() {
    ProcessInstance relationship = engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey(
        "relationship", withVariables("kind", "COACHING", "coachId", "colin", "clientId", "clara", "sponsorId", "sam"));
    complete(task("Task_StandInContract", calledProcessInstance("contracting", relationship)));
    return relationship;
  }

  private ProcessInstance sessions(ProcessInstance relationship) {
    return calledProcessInstance("sessions", relationship);
  }

  /** Holds the next session: the stand-in session of the sessions model, completed with what the record says. */
  private void holdSession(ProcessInstance sessions, boolean goalsChanged) {
    ProcessInstance session = calledProcessInstance("session", sessions);
    complete(task("Task_StandInSession", session), withVariables("goalsChanged", goalsChanged));
  }

  /** The sessions of the relationship, once the first meeting is held. */
  private ProcessInstance firstMeetingHeld(ProcessInstance relationship) {
    ProcessInstance sessions = sessions(relationship);
    holdSession(sessions, false);
    return sessions;
  }

  private void bothGoOn(ProcessInstance sessions) {
    complete(task("Task_CoachDecidesGo", sessions), withVariables("goOn", "YES"));
    complete(task("Task_ClientDecidesGo", sessions), withVariables("goOn", "YES"));
  }

  private void toTheFirstReview(ProcessInstance sessions) {
    holdSession(sessions, false);
    bothGoOn(sessions);
    for (int session = 2; session <= reviewEvery; session++) {
      holdSession(sessions, false);
    }
  }

  private void review(ProcessInstance sessions, String coachDecision, String clientDecision) {
    complete(task("Task_CoachReviews", sessions), withVariables("reviewDecision", coachDecision));
    complete(task("Task_ClientReviews", sessions), withVariables("reviewDecision", clientDecision));
  }

  @Test
  @DisplayName("GO-1 after the first meeting coach and client each decide; when both go on, the next session follows")
  void both_go_on_after_the_first_meeting() {
    ProcessInstance relationship = relationship();
    ProcessInstance sessions = sessions(relationship);
    assertThat(sessions).isWaitingAt("Task_HoldSession", "Task_CoachEndsEarly", "Task_ClientEndsEarly");

    holdSession(sessions, false);
    assertThat(sessions).isWaitingAt("Task_CoachDecidesGo", "Task_ClientDecidesGo");
    bothGoOn(sessions);

    assertThat(sessions).hasPassed("Gateway_GoJoin", "Task_RecordGo").isWaitingAt("Task_HoldSession");
    assertThat(calls).containsSubsequence("openRelationship", "inviteStartEvaluation", "countSession", "recordGo");
    assertThat(calls).contains("offerEndReasons@Task_CoachDecidesGo", "offerEndReasons@Task_ClientDecidesGo");
  }

  @Test
  @DisplayName("GO-1 when the client says no after the first meeting, it stops there and the relationship closes")
  void the_client_stops_after_the_first_meeting() {
    ProcessInstance relationship = relationship();
    ProcessInstance sessions = firstMeetingHeld(relationship);

    complete(task("Task_ClientDecidesGo", sessions), withVariables("goOn", "NO", "stopReason", "NOT_WORKING"));

    assertThat(sessions).hasPassed("Task_RecordNoGo", "Event_NoGo", "Event_StoppedAfterFirstMeetingCaught",
        "Event_StoppedAfterFirstMeeting").isEnded();
    assertThat(taskQuery().taskDefinitionKey("Task_CoachDecidesGo").count()).isZero();
    assertThat(relationship).hasPassed("Task_CloseRelationship", "Event_EndEvaluationsDue").isEnded();
    assertThat(calls).contains("recordNoGo").doesNotContain("recordGo", "recordEarlyEnding");
  }

  @Test
  @DisplayName("GO-1 when the coach says no after the first meeting, the client's decision is no longer asked")
  void the_coach_stops_after_the_first_meeting() {
    ProcessInstance relationship = relationship();
    ProcessInstance sessions = firstMeetingHeld(relationship);

    complete(task("Task_CoachDecidesGo", sessions), withVariables("goOn", "NO"));

    assertThat(sessions).hasPassed("Task_RecordNoGo", "Event_StoppedAfterFirstMeeting").isEnded();
    assertThat(relationship).isEnded();
  }

  @Test
  @DisplayName("EVA-1 the middle evaluations are invited once, after the session at the middle")
  void middle_evaluations_once() {
    reviewEvery = 6;
    ProcessInstance sessions = firstMeetingHeld(relationship());
    bothGoOn(sessions);
    holdSession(sessions, false);
    holdSession(sessions, false);

    assertThat(sessions).hasPassed("Event_MiddleEvaluationsDue").isWaitingAt("Task_HoldSession");
    assertThat(calls.stream().filter("inviteMiddleEvaluations"::equals)).hasSize(1);
  }

  @Test
  @DisplayName("REV-1 REV-2 after four sessions both review; when both continue they re-contract and sessions go on")
  void review_and_recontract() {
    middleAt = 0;
    ProcessInstance relationship = relationship();
    ProcessInstance sessions = sessions(relationship);
    toTheFirstReview(sessions);
    assertThat(sessions).hasPassed("Event_ReviewReached").isWaitingAt("Task_CoachReviews", "Task_ClientReviews");

    review(sessions, "CONTINUE", "CONTINUE");

    assertThat(sessions).hasPassed("Task_RecordReview", "Gateway_Recontract").isWaitingAt("Task_Recontract");
    complete(task("Task_StandInContract", calledProcessInstance("contracting", sessions)));
    assertThat(sessions).isWaitingAt("Task_HoldSession");
    holdSession(sessions, false);
    assertThat(sessions).isWaitingAt("Task_HoldSession");
    assertThat(taskQuery().taskDefinitionKey("Task_CoachDecidesGo").count())
        .as("the go decision is asked after the first meeting only").isZero();
  }

  @Test
  @DisplayName("REV-1 REV-3 when either does not continue at a review, the relationship concludes")
  void review_and_conclude() {
    ProcessInstance relationship = relationship();
    ProcessInstance sessions = sessions(relationship);
    toTheFirstReview(sessions);

    review(sessions, "CONTINUE", "END");

    assertThat(sessions).hasPassed("Task_RecordReview", "Event_Concluded").isEnded();
    assertThat(relationship).hasPassed("Task_CloseRelationship").isEnded();
    assertThat(taskQuery().processInstanceId(sessions.getId()).count()).as("the standing end-early tasks go").isZero();
  }

  @Test
  @DisplayName("REV-2 a change of goals between reviews leaves the sessions to re-contract, then they go on")
  void goals_changed_between_reviews() {
    ProcessInstance sessions = firstMeetingHeld(relationship());
    bothGoOn(sessions);

    holdSession(sessions, true);

    assertThat(sessions).hasPassed("Gateway_GoalsChanged", "Event_GoalsChanged", "Event_GoalsChangedCaught")
        .isWaitingAt("Task_Recontract", "Task_CoachEndsEarly", "Task_ClientEndsEarly");
    complete(task("Task_StandInContract", calledProcessInstance("contracting", sessions)));
    assertThat(sessions).isWaitingAt("Task_HoldSession");
  }

  @Test
  @DisplayName("END-1 the client ends it early at any time: the relationship hears 'Ended early' and closes")
  void ended_early_by_the_client() {
    ProcessInstance relationship = relationship();
    ProcessInstance sessions = firstMeetingHeld(relationship);

    complete(task("Task_ClientEndsEarly", sessions), withVariables("endReason", "OTHER"));

    assertThat(sessions).hasPassed("Task_RecordEarlyEnding", "Event_EndedEarly").isEnded();
    assertThat(relationship).hasPassed("Event_EndedEarly", "Task_CloseRelationship", "Event_RelationshipClosed")
        .isEnded();
    assertThat(taskQuery().taskDefinitionKey("Task_CoachDecidesGo").count()).isZero();
    assertThat(calls).containsSubsequence("recordEarlyEnding", "closeRelationship", "inviteEndEvaluations");
  }

  @Test
  @DisplayName("END-1 the coach ends it early at any time")
  void ended_early_by_the_coach() {
    ProcessInstance relationship = relationship();
    ProcessInstance sessions = sessions(relationship);

    complete(task("Task_CoachEndsEarly", sessions), withVariables("endReason", "OTHER"));

    assertThat(sessions).hasPassed("Task_CoachEndsEarly", "Event_EndedEarly").isEnded();
    assertThat(relationship).isEnded();
    assertThat(calls).contains("recordEarlyEnding");
  }
}
