package org.tandem.contracting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.SPONSOR;
import static org.tandem.support.LifecycleDriver.goal;
import static org.tandem.support.LifecycleDriver.goals;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.common.InvalidInputException;
import org.tandem.support.LifecycleTest;

class ContractingProcessTest extends LifecycleTest {

  @Autowired
  ContractService contracts;

  @Test
  @DisplayName("CON-6 the contract comes into force when the client and then the coach have signed it, each with a date")
  void both_sign() {
    String id = driver.start(COACH, CLIENT, null, "COACHING");
    ProcessInstance contracting = driver.instance(id, "contracting");
    assertThat(contracting).isWaitingAt("Task_DraftContract").task().isAssignedTo(COACH);

    driver.draftContract(id, COACH, driver.contract());
    assertThat(contracting).isWaitingAt("Task_ClientSigns").task().isAssignedTo(CLIENT);
    assertThat(contracts.inForce(id)).isEmpty();

    driver.clientSigns(id, CLIENT);
    assertThat(contracting).isWaitingAt("Task_CoachSigns");
    assertThat(contracts.inForce(id)).isEmpty();

    driver.coachSigns(id, COACH);
    assertThat(contracting).isEnded().hasPassed("Task_PutInForce").hasNotPassed("Task_SponsorAgreesGoals");
    Contract contract = contracts.inForce(id).orElseThrow();
    assertThat(contract.version()).isEqualTo(1);
    assertThat(contract.clientSignedAt()).isEqualTo(driver.now());
    assertThat(contract.coachSignedAt()).isEqualTo(driver.now());
    assertThat(driver.relationship(id).get("STATUS")).isEqualTo("ACTIVE");
    assertThat(driver.instance(id, "sessions")).isNotNull();
  }

  @Test
  @DisplayName("CON-1 CON-2 CON-4 the contract records the practicalities, the goals, why, benefits, expectations and notice")
  void contract_records_its_terms() {
    String id = driver.inForce(null);

    ContractDraft terms = contracts.inForce(id).orElseThrow().terms();
    assertThat(terms.startDate()).hasToString("2026-03-02");
    assertThat(terms.plannedEndDate()).hasToString("2026-09-02");
    assertThat(terms.sessionsAgreed()).isEqualTo(4);
    assertThat(terms.frequency()).isEqualTo("Every two weeks");
    assertThat(terms.firstSession()).hasToString("2026-03-03T10:00");
    assertThat(terms.sessionMinutes()).isEqualTo(90);
    assertThat(terms.format()).isEqualTo(SessionFormat.VIRTUAL);
    assertThat(terms.location()).isEqualTo("Teams");
    assertThat(terms.camerasAgreed()).isTrue();
    assertThat(terms.goals()).containsExactly(
        new Goal("Lead the new team with confidence", "The team runs its own stand-ups", true),
        new Goal("Delegate more", "Two projects handed over by June", false));
    assertThat(terms.whyChosen()).isEqualTo("A new leadership role");
    assertThat(terms.organisationBenefits()).isEqualTo("A steadier team");
    assertThat(terms.coachExpectations()).isNotBlank();
    assertThat(terms.clientExpectations()).isNotBlank();
    assertThat(terms.noticeHours()).isEqualTo(48);
  }

  @Test
  @DisplayName("CON-4 without a notice period the setting's 48 hours apply")
  void default_notice_period() {
    String id = driver.start(COACH, CLIENT, null, "COACHING");
    assertThat(engine.getRuntimeService().getVariable(driver.instance(id, "contracting").getId(), "noticeHours"))
        .isEqualTo(48);
    Map<String, Object> contract = driver.contract();
    contract.remove("noticeHours");
    driver.contractSigned(id, COACH, CLIENT, contract);
    assertThat(contracts.inForce(id).orElseThrow().terms().noticeHours()).isEqualTo(48);
  }

  @Test
  @DisplayName("CON-6 a client who disagrees sends it back with a comment; the coach sees it, revises, and both sign")
  void client_sends_back() {
    String id = driver.drafted(null);
    driver.sendBack(id, "Task_ClientSigns", CLIENT, "Fortnightly is too often for me");

    ProcessInstance contracting = driver.instance(id, "contracting");
    assertThat(contracting).isWaitingAt("Task_DraftContract");
    assertThat(engine.getRuntimeService().getVariable(contracting.getId(), "lastComment"))
        .isEqualTo("Fortnightly is too often for me");
    assertThat(contracts.comments(id, 1)).containsExactly("Fortnightly is too often for me");
    assertThat(contracts.inForce(id)).isEmpty();

    Map<String, Object> revised = driver.contract();
    revised.put("frequency", "Every three weeks");
    driver.draftContract(id, COACH, revised);
    assertThat(engine.getRuntimeService().getVariable(contracting.getId(), "lastComment")).isNull();
    driver.clientSigns(id, CLIENT);
    driver.coachSigns(id, COACH);

    assertThat(contracts.inForce(id).orElseThrow().terms().frequency()).isEqualTo("Every three weeks");
  }

  @Test
  @DisplayName("CON-6 the coach may take a signed draft back to revise it; the client then signs again")
  void coach_revises() {
    String id = driver.drafted(null);
    driver.clientSigns(id, CLIENT);
    driver.sendBack(id, "Task_CoachSigns", COACH, "I forgot the planned dates");

    assertThat(driver.instance(id, "contracting")).isWaitingAt("Task_DraftContract");
    driver.draftContract(id, COACH, driver.contract());
    assertThat(contracts.version(id, 1).orElseThrow().clientSignedAt())
        .as("a revised draft needs the client's signature again").isNull();
    driver.clientSigns(id, CLIENT);
    driver.coachSigns(id, COACH);
    assertThat(contracts.inForce(id)).isPresent();
  }

  @Test
  @DisplayName("CON-5 where a sponsor is nominated, the sponsor agrees the goals before the contract is in force")
  void sponsor_agrees_goals() {
    String id = driver.signed(SPONSOR);

    ProcessInstance contracting = driver.instance(id, "contracting");
    assertThat(contracting).isWaitingAt("Task_SponsorAgreesGoals").task().isAssignedTo(SPONSOR);
    assertThat(contracts.inForce(id)).isEmpty();
    assertThat((String) engine.getRuntimeService().getVariable(contracting.getId(), "contractSummary"))
        .contains("Lead the new team with confidence").contains("(most important)");

    driver.sponsorAgrees(id, SPONSOR);
    assertThat(contracting).isEnded();
    assertThat(contracts.inForce(id).orElseThrow().sponsorAgreedAt()).isNotNull();
  }

  @Test
  @DisplayName("CON-5 a sponsor who disagrees sends the goals back; they are redrafted and signed again")
  void sponsor_sends_back() {
    String id = driver.signed(SPONSOR);
    driver.sendBack(id, "Task_SponsorAgreesGoals", SPONSOR, "Add a goal about the budget");

    assertThat(driver.instance(id, "contracting")).isWaitingAt("Task_DraftContract");
    Map<String, Object> revised = driver.contract();
    revised.put("goals", goals(goal("Lead the new team with confidence", "Stand-ups run by the team", true),
        goal("Own the budget", "Budget signed off in April", false)));
    driver.contractSigned(id, COACH, CLIENT, revised);
    driver.sponsorAgrees(id, SPONSOR);

    assertThat(contracts.inForce(id).orElseThrow().terms().goals()).extracting(Goal::description)
        .containsExactly("Lead the new team with confidence", "Own the budget");
  }

  @Test
  @DisplayName("CON-5 a sponsor who has not answered is reminded once the reminder period has passed")
  void sponsor_reminded() {
    String id = driver.signed(SPONSOR);

    driver.advance(Duration.ofDays(6));
    assertThat(driver.runDueJobs(id)).isZero();
    driver.advance(Duration.ofDays(2));
    assertThat(driver.runDueJobs(id)).isEqualTo(1);

    assertThat(driver.instance(id, "contracting")).hasPassed("Task_RemindSponsor")
        .isWaitingAt("Task_SponsorAgreesGoals");
    assertThat(driver.reminders(id, SPONSOR)).containsExactly("Reminder: Agree the goals");
  }

  @Test
  @DisplayName("CON-3 the client acknowledges the confidentiality terms and the code of ethics to sign")
  void client_acknowledges() {
    String id = driver.drafted(null);

    assertThatThrownBy(() -> driver.complete(id, "Task_ClientSigns", CLIENT, Map.of("contractAnswer", "SIGN",
        "clientAcknowledgesConfidentiality", true)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Acknowledge the confidentiality terms");
    assertThat(driver.instance(id, "contracting")).isWaitingAt("Task_ClientSigns");
    assertThat(contracts.version(id, 1).orElseThrow().clientSignedAt()).isNull();
  }

  @Test
  @DisplayName("CON-6 sending the contract back needs a comment")
  void send_back_needs_a_comment() {
    String id = driver.drafted(null);

    assertThatThrownBy(() -> driver.complete(id, "Task_ClientSigns", CLIENT, Map.of("contractAnswer", "SEND_BACK")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Say what should change before you send it back.");
    assertThat(driver.instance(id, "contracting")).isWaitingAt("Task_ClientSigns");
  }

  /** A refused draft leaves the coach's task open and writes nothing. */
  private void draftRefused(Consumer<Map<String, Object>> change, String field, String message) {
    String id = driver.start(COACH, CLIENT, null, "COACHING");
    Map<String, Object> draft = driver.contract();
    change.accept(draft);

    assertThatThrownBy(() -> driver.draftContract(id, COACH, draft))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.getMessage()).isEqualTo(message);
        });
    assertThat(driver.instance(id, "contracting")).isWaitingAt("Task_DraftContract");
    assertThat(contracts.versions(id)).isEmpty();
  }

  @Test
  @DisplayName("CON-2 the server refuses a draft with four goals")
  void four_goals_refused() {
    draftRefused(draft -> draft.put("goals", goals(goal("a", "a", true), goal("b", "b", false),
        goal("c", "c", false), goal("d", "d", false))), "goals", "At most three goals: remove 1.");
  }

  @Test
  @DisplayName("CON-2 the server refuses a draft with no most important goal")
  void no_most_important_refused() {
    draftRefused(draft -> draft.put("goals", goals(goal("a", "a", false), goal("b", "b", false))), "goals",
        "Mark the most important goal.");
  }

  @Test
  @DisplayName("CON-2 the server refuses a draft with two most important goals")
  void two_most_important_refused() {
    draftRefused(draft -> draft.put("goals", goals(goal("a", "a", true), goal("b", "b", true))), "goals",
        "Mark only one goal as the most important.");
  }

  @Test
  @DisplayName("CON-1 the server refuses an end date before the start date")
  void end_before_start_refused() {
    draftRefused(draft -> draft.put("plannedEndDate", "2026-03-01"), "plannedEndDate",
        "The planned end date must be after the start date.");
  }

  @Test
  @DisplayName("CON-1 the server refuses zero and negative numbers of sessions")
  void no_sessions_refused() {
    draftRefused(draft -> draft.put("sessionsAgreed", 0), "sessionsAgreed",
        "The number of sessions agreed must be between 1 and 24, not 0.");
    draftRefused(draft -> draft.put("sessionsAgreed", -3), "sessionsAgreed",
        "The number of sessions agreed must be between 1 and 24, not -3.");
  }

  @Test
  @DisplayName("CON-1 CON-4 whole numbers typed as text are read; words and fractions are refused, naming the field")
  void numbers_as_text() {
    String id = driver.start(COACH, CLIENT, null, "COACHING");
    Map<String, Object> draft = driver.contract();
    draft.put("sessionsAgreed", "6");
    draft.put("sessionMinutes", " 90 ");
    draft.put("noticeHours", "24");
    driver.draftContract(id, COACH, draft);
    Contract contract = contracts.version(id, 1).orElseThrow();
    assertThat(contract.terms().sessionsAgreed()).isEqualTo(6);
    assertThat(contract.terms().sessionMinutes()).isEqualTo(90);
    assertThat(contract.terms().noticeHours()).isEqualTo(24);

    draftRefused(refused -> refused.put("sessionsAgreed", "six"), "sessionsAgreed",
        "The number of sessions agreed must be a whole number, not 'six'.");
    draftRefused(refused -> refused.put("noticeHours", "1.5"), "noticeHours",
        "The notice period must be a whole number.");
  }

  @Test
  @DisplayName("CON-1 the server refuses a date it cannot read, naming the field")
  void unreadable_date_refused() {
    draftRefused(draft -> draft.put("startDate", "next Tuesday"), "startDate",
        "The start date must be a date (YYYY-MM-DD), not 'next Tuesday'.");
  }
}
