package org.tandem.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.OTHER_CLIENT;
import static org.tandem.support.LifecycleDriver.SPONSOR;
import static org.tandem.support.LifecycleDriver.goal;
import static org.tandem.support.LifecycleDriver.goals;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.common.InvalidInputException;
import org.tandem.contracting.Contract;
import org.tandem.contracting.ContractService;
import org.tandem.support.LifecycleTest;

class RelationshipLifecycleTest extends LifecycleTest {

  @Autowired
  ContractService contracts;

  private HistoricProcessInstance relationshipHistory(String id) {
    return historyService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey("relationship").singleResult();
  }

  /** Nothing of the relationship's own work is left: only its optional feedback and its evaluations may run on. */
  private void onlyEvaluationsAndFeedbackRemain(String id) {
    assertThat(driver.instances(id)).extracting(instance -> instance.getProcessDefinitionId().split(":")[0])
        .allMatch(key -> key.equals("evaluation") || key.equals("session-feedback"));
  }

  private List<Map<String, Object>> decisions(String id) {
    return driver.rows("select party_role, decision from decision where relationship_id = :id", id);
  }

  @Test
  @DisplayName("GO-1 both decide to go on after the first meeting, and the sessions go on")
  void both_go_on() {
    String id = driver.firstMeetingHeld();
    driver.goOn(id, "Task_CoachDecidesGo", COACH, true);
    assertThat(driver.instance(id, "sessions")).isWaitingAt("Task_ClientDecidesGo", "Task_CoachEndsEarly",
        "Task_ClientEndsEarly");
    driver.goOn(id, "Task_ClientDecidesGo", CLIENT, true);

    assertThat(driver.instance(id, "sessions")).hasPassed("Task_RecordGo").isWaitingAt("Task_HoldSession");
    assertThat(decisions(id))
        .containsExactlyInAnyOrder(Map.of("PARTY_ROLE", "COACH", "DECISION", "YES"),
            Map.of("PARTY_ROLE", "CLIENT", "DECISION", "YES"));
  }

  @Test
  @DisplayName("GO-1 one says no: it ends there, no-fault, with the reason kept, and the client may be matched again")
  void one_says_no() {
    String id = driver.firstMeetingHeld();
    driver.goOn(id, "Task_CoachDecidesGo", COACH, true);
    driver.goOn(id, "Task_ClientDecidesGo", CLIENT, false);

    assertThat(relationshipHistory(id).getState()).isEqualTo("COMPLETED");
    assertThat(driver.relationship(id)).containsEntry("OUTCOME", "STOPPED_AT_FIRST_MEETING")
        .containsEntry("END_REASON", "NOT_MEETING_NEEDS").containsEntry("ENDED_BY", CLIENT)
        .containsEntry("REMATCH_ALLOWED", true).containsEntry("STATUS", "CLOSED");
    onlyEvaluationsAndFeedbackRemain(id);
  }

  @Test
  @DisplayName("GO-1 the first no ends it at once: the other party's decision is no longer asked")
  void first_no_ends_it() {
    String id = driver.firstMeetingHeld();
    driver.goOn(id, "Task_CoachDecidesGo", COACH, false);

    assertThat(driver.hasTask(id, "Task_ClientDecidesGo")).isFalse();
    assertThat(driver.relationship(id)).containsEntry("OUTCOME", "STOPPED_AT_FIRST_MEETING")
        .containsEntry("ENDED_BY", COACH);
    assertThat(decisions(id))
        .containsExactly(Map.of("PARTY_ROLE", "COACH", "DECISION", "NO"));
  }

  @Test
  @DisplayName("GO-1 a no needs its reason; without one nothing changes")
  void no_needs_a_reason() {
    String id = driver.firstMeetingHeld();

    assertThatThrownBy(() -> driver.complete(id, "Task_ClientDecidesGo", CLIENT, Map.of("goOn", "NO")))
        .isInstanceOf(InvalidInputException.class).hasMessage("Choose the reason.");
    assertThat(driver.hasTask(id, "Task_ClientDecidesGo")).isTrue();
    assertThat(driver.relationship(id).get("OUTCOME")).isNull();
  }

  /** A relationship in force whose contract agrees this many sessions. */
  private String inForceFor(int sessionsAgreed) {
    Map<String, Object> contract = driver.contract();
    contract.put("sessionsAgreed", sessionsAgreed);
    return driver.inForce(COACH, CLIENT, null, "COACHING", contract);
  }

  /** A relationship in force whose coach records, at the second session, that the goals have changed. */
  private String goalsChangedAtTheSecondSession() {
    String id = driver.inForce(null);
    holdSessions(id, 1);
    driver.holdSession(id, COACH, Map.of("goalsChanged", true));
    return id;
  }

  /** Holds sessions up to the given count, deciding to go on after the first. */
  private void holdSessions(String id, int count) {
    for (int i = 1; i <= count; i++) {
      driver.holdSession(id);
      if (i == 1) {
        driver.bothGoOn(id);
      }
    }
  }

  @Test
  @DisplayName("REV-1 REV-2 REV-3 four sessions, both continue and re-contract, four more, then they conclude")
  void four_sessions_continue_four_more_conclude() {
    String id = driver.inForce(SPONSOR);
    holdSessions(id, 3);
    assertThat(driver.instance(id, "sessions")).isWaitingAt("Task_HoldSession");
    driver.holdSession(id);

    assertThat(driver.instance(id, "sessions")).isWaitingAt("Task_CoachReviews", "Task_ClientReviews",
        "Task_CoachEndsEarly", "Task_ClientEndsEarly");
    assertThat((String) engine.getRuntimeService().getVariable(driver.instance(id, "sessions").getId(),
        "goalsSummary")).contains("**Lead the new team with confidence** *(most important)*");
    driver.review(id, "Task_CoachReviews", COACH, "CONTINUE");
    driver.review(id, "Task_ClientReviews", CLIENT, "CONTINUE");

    assertThat(driver.instance(id, "contracting")).isWaitingAt("Task_DraftContract");
    assertThat(engine.getRuntimeService().getVariable(driver.instance(id, "contracting").getId(), "frequency"))
        .as("re-contracting starts from the contract in force").isEqualTo("Every two weeks");
    driver.contractSigned(id, COACH, CLIENT, driver.contract());
    driver.sponsorAgrees(id, SPONSOR);

    List<Contract> versions = contracts.versions(id);
    assertThat(versions).extracting(Contract::version, Contract::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, Contract.Status.SUPERSEDED),
        org.assertj.core.groups.Tuple.tuple(2, Contract.Status.IN_FORCE));
    assertThat(versions.get(1).sessionsBefore()).isEqualTo(4);

    for (int i = 5; i <= 7; i++) {
      driver.holdSession(id);
      assertThat(driver.hasTask(id, "Task_CoachReviews")).as("no review after session " + i).isFalse();
    }
    driver.holdSession(id);
    driver.review(id, "Task_CoachReviews", COACH, "CONTINUE");
    driver.review(id, "Task_ClientReviews", CLIENT, "CONCLUDE");

    assertThat(relationshipHistory(id).getState()).isEqualTo("COMPLETED");
    assertThat(driver.relationship(id)).containsEntry("OUTCOME", "COMPLETED").containsEntry("STATUS", "CLOSED")
        .containsEntry("ENDED_BY", CLIENT);
    assertThat(driver.relationship(id).get("CLOSED_AT")).isNotNull();
    assertThat(driver.evaluationsInvited(id)).contains("CLIENT_END@" + CLIENT, "COACH_END@" + COACH,
        "SPONSOR_END@" + SPONSOR);
    assertThat(driver.rows("select after_session, party_role, decision from decision "
        + "where relationship_id = :id and occasion = 'REVIEW'", id)).containsExactlyInAnyOrder(
        Map.of("AFTER_SESSION", 4, "PARTY_ROLE", "COACH", "DECISION", "CONTINUE"),
        Map.of("AFTER_SESSION", 4, "PARTY_ROLE", "CLIENT", "DECISION", "CONTINUE"),
        Map.of("AFTER_SESSION", 8, "PARTY_ROLE", "COACH", "DECISION", "CONTINUE"),
        Map.of("AFTER_SESSION", 8, "PARTY_ROLE", "CLIENT", "DECISION", "CONCLUDE"));
    onlyEvaluationsAndFeedbackRemain(id);
  }

  @Test
  @DisplayName("REV-1 either may conclude: the coach concludes while the client would continue")
  void coach_concludes() {
    String id = driver.inForce(null);
    holdSessions(id, 4);
    driver.review(id, "Task_ClientReviews", CLIENT, "CONTINUE");
    driver.review(id, "Task_CoachReviews", COACH, "CONCLUDE");

    assertThat(driver.relationship(id)).containsEntry("OUTCOME", "COMPLETED").containsEntry("ENDED_BY", COACH);
    assertThat(driver.instance(id, "contracting")).isNull();
  }

  @Test
  @DisplayName("REV-1 a shorter contract is reviewed after its last agreed session")
  void review_after_last_agreed_session() {
    String id = inForceFor(2);
    holdSessions(id, 2);

    assertThat(driver.hasTask(id, "Task_CoachReviews")).isTrue();
  }

  @Test
  @DisplayName("REV-2 a change of goals after any session means re-contracting")
  void goals_changed() {
    String id = goalsChangedAtTheSecondSession();

    assertThat(driver.instance(id, "sessions")).hasPassed("Gateway_GoalsChanged").isWaitingAt("Task_Recontract");
    assertThat(driver.instance(id, "contracting")).isWaitingAt("Task_DraftContract");
  }

  @Test
  @DisplayName("REV-2 re-contracting reviews the goals under the same limits: four goals are refused")
  void recontracting_keeps_the_limits() {
    String id = goalsChangedAtTheSecondSession();

    Map<String, Object> draft = driver.contract();
    draft.put("goals", goals(goal("a", "a", true), goal("b", "b", false), goal("c", "c", false),
        goal("d", "d", false)));
    assertThatThrownBy(() -> driver.draftContract(id, COACH, draft)).isInstanceOf(InvalidInputException.class)
        .hasMessage("At most three goals: remove 1.");
    assertThat(contracts.versions(id)).hasSize(1);
  }

  @Test
  @DisplayName("EVA-1 the client's start evaluation falls due once the contract is in force")
  void start_evaluation() {
    String id = driver.drafted(null);
    driver.clientSigns(id, CLIENT);
    assertThat(driver.evaluationsInvited(id)).isEmpty();

    driver.coachSigns(id, COACH);
    assertThat(driver.evaluationsInvited(id)).containsExactly("CLIENT_START@" + CLIENT);
    assertThat(driver.task(id, "Task_Evaluate").getAssignee()).isEqualTo(CLIENT);
  }

  @Test
  @DisplayName("EVA-1 client and coach evaluate at the middle of the agreed sessions, once")
  void middle_evaluations() {
    String id = inForceFor(6);
    holdSessions(id, 2);
    assertThat(driver.evaluationsInvited(id)).containsExactly("CLIENT_START@" + CLIENT);

    driver.holdSession(id);
    assertThat(driver.evaluationsInvited(id)).containsExactly("CLIENT_START@" + CLIENT,
        "CLIENT_MIDDLE@" + CLIENT, "COACH_MIDDLE@" + COACH);
    assertThat(driver.instance(id, "sessions")).hasPassed("Event_MiddleEvaluationsDue");

    driver.holdSession(id);
    driver.review(id, "Task_CoachReviews", COACH, "CONTINUE");
    driver.review(id, "Task_ClientReviews", CLIENT, "CONTINUE");
    driver.contractSigned(id, COACH, CLIENT, driver.contract());
    driver.holdSession(id);
    assertThat(driver.evaluationsInvited(id)).hasSize(3);
  }

  /** Brings a new relationship to a phase of its working life; answers its id. */
  private String at(String phase) {
    String id = driver.inForce(null);
    switch (phase) {
      case "session" -> {
      }
      case "first-meeting" -> driver.holdSession(id);
      case "review" -> holdSessions(id, 4);
      case "re-contracting" -> {
        holdSessions(id, 4);
        driver.review(id, "Task_CoachReviews", COACH, "CONTINUE");
        driver.review(id, "Task_ClientReviews", CLIENT, "CONTINUE");
      }
      default -> throw new IllegalArgumentException(phase);
    }
    return id;
  }

  @ParameterizedTest(name = "END-1 {1} ends the relationship early during {0}")
  @CsvSource({
      "session, coach", "session, client",
      "first-meeting, coach", "first-meeting, client",
      "review, coach", "review, client",
      "re-contracting, coach", "re-contracting, client"})
  @DisplayName("END-1 either party ends it early at any phase: the work is interrupted cleanly and it closes")
  void end_early(String phase, String party) {
    String id = at(phase);
    String user = party.equals("coach") ? COACH : CLIENT;
    String task = party.equals("coach") ? "Task_CoachEndsEarly" : "Task_ClientEndsEarly";

    driver.endEarly(id, task, user, "SKILLS_DO_NOT_FIT", null);

    HistoricProcessInstance relationship = relationshipHistory(id);
    assertThat(relationship.getState()).isEqualTo("COMPLETED");
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(relationship.getId())
        .activityId("Event_EndedEarly").count()).isOne();
    assertThat(driver.relationship(id)).containsEntry("OUTCOME", "ENDED_EARLY")
        .containsEntry("END_REASON", "SKILLS_DO_NOT_FIT").containsEntry("ENDED_BY", user)
        .containsEntry("STATUS", "CLOSED");
    onlyEvaluationsAndFeedbackRemain(id);
    assertThat(driver.tasks(id)).allMatch(t -> t.getTaskDefinitionKey().equals("Task_Evaluate")
        || t.getTaskDefinitionKey().equals("Task_GiveFeedback") || t.getTaskDefinitionKey().equals("Task_Reflect"));
    assertThat(driver.evaluationsInvited(id)).contains("CLIENT_END@" + CLIENT, "COACH_END@" + COACH);
  }

  @Test
  @DisplayName("END-1 the reasons open to coaching exclude mentoring's own; another reason needs describing")
  void end_reasons_are_checked() {
    String id = driver.inForce(null);

    assertThatThrownBy(() -> driver.endEarly(id, "Task_ClientEndsEarly", CLIENT, "MENTEE_RELIANT", null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a reason for mentoring only");
    assertThatThrownBy(() -> driver.endEarly(id, "Task_ClientEndsEarly", CLIENT, "OTHER", null))
        .isInstanceOf(InvalidInputException.class).hasMessage("Describe the other reason.");
    assertThat(driver.relationship(id).get("OUTCOME")).isNull();
    assertThat(driver.hasTask(id, "Task_ClientEndsEarly")).isTrue();

    driver.endEarly(id, "Task_ClientEndsEarly", CLIENT, "OTHER", "Moving to another trust");
    assertThat(driver.relationship(id)).containsEntry("END_REASON", "OTHER")
        .containsEntry("END_REASON_DETAILS", "Moving to another trust");
  }

  @Test
  @DisplayName("END-1 a mentoring relationship offers and accepts mentoring's own reasons")
  void mentoring_reasons() {
    String id = driver.inForce(COACH, OTHER_CLIENT, null, "MENTORING", driver.contract());
    assertThat(engine.getTaskService().getVariableLocal(driver.task(id, "Task_ClientEndsEarly").getId(),
        "endReasons").toString()).contains("MENTEE_RELIANT").contains("UPDATES_NOT_GUIDANCE");

    driver.endEarly(id, "Task_CoachEndsEarly", COACH, "MENTEE_RELIANT", null);
    assertThat(driver.relationship(id)).containsEntry("END_REASON", "MENTEE_RELIANT");
  }

  @Test
  @DisplayName("END-2 a conflict of interest, disclosed as it arises, ends the relationship and is kept as the reason")
  void conflict_of_interest() {
    String id = driver.inForce(null);
    holdSessions(id, 2);

    driver.endEarly(id, "Task_CoachEndsEarly", COACH, "CONFLICT_OF_INTEREST", null);

    assertThat(driver.relationship(id)).containsEntry("OUTCOME", "ENDED_EARLY")
        .containsEntry("END_REASON", "CONFLICT_OF_INTEREST").containsEntry("REMATCH_ALLOWED", false);
  }

  @Test
  @DisplayName("MAT-2 a coach's load counts their open relationships: one more when opened, one less when closed")
  void coach_load() {
    int before = jdbc.sql("select active_clients from coach_profile where user_id = :id").param("id", COACH)
        .query(Integer.class).single();
    String id = driver.inForce(null);
    assertThat(jdbc.sql("select active_clients from coach_profile where user_id = :id").param("id", COACH)
        .query(Integer.class).single()).isEqualTo(before + 1);

    driver.endEarly(id, "Task_CoachEndsEarly", COACH, "DIFFERENT_SUPPORT", null);
    assertThat(jdbc.sql("select active_clients from coach_profile where user_id = :id").param("id", COACH)
        .query(Integer.class).single()).isEqualTo(before);
  }

  @Test
  @DisplayName("EVA-5 an open evaluation never holds up the closure of the relationship")
  void evaluations_never_hold_up_closure() {
    String id = driver.inForce(null);
    assertThat(driver.hasTask(id, "Task_Evaluate")).isTrue();

    driver.endEarly(id, "Task_CoachEndsEarly", COACH, "DIFFERENT_SUPPORT", null);

    assertThat(relationshipHistory(id).getState()).isEqualTo("COMPLETED");
    assertThat(driver.relationship(id)).containsEntry("STATUS", "CLOSED");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey("evaluation").count()).isEqualTo(3);
  }
}
