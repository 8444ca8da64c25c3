package org.tandem.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.common.InvalidInputException;
import org.tandem.identity.Roles;
import org.tandem.support.LifecycleDriver;
import org.tandem.support.LifecycleTest;

class RegistrationProcessTest extends LifecycleTest {

  @Autowired
  RegisterService register;

  /** An applicant with an account but no place on the register yet (here: a client who wants to coach). */
  private String applicant() {
    String id = "applicant" + UUID.randomUUID().toString().substring(0, 8);
    var user = engine.getIdentityService().newUser(id);
    user.setFirstName("Appli");
    user.setLastName("Cant");
    user.setPassword("demo");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(id, Roles.CLIENTS);
    return id;
  }

  private Map<String, Object> form(boolean coach, boolean mentor, String qualification) {
    Map<String, Object> values = new HashMap<>();
    values.put("consent", true);
    values.put("firstName", "Appli");
    values.put("lastName", "Cant");
    values.put("email", "appli@example.org");
    values.put("organisation", "Sandwell Trust");
    values.put("asCoach", coach);
    values.put("asMentor", mentor);
    values.put("qualification", qualification);
    values.put("specialisms", Spin.JSON(List.of("LEADERSHIP", "WELLBEING")));
    values.put("formats", Spin.JSON(List.of("VIRTUAL", "IN_PERSON")));
    values.put("locations", "West Bromwich, Dudley");
    values.put("capacity", 2);
    if (mentor && !coach) {
      values.put("ethicsDeclared", true);
    }
    return values;
  }

  private HistoricProcessInstance history(String applicant) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(applicant)
        .processDefinitionKey("coach-registration").singleResult();
  }

  private boolean inCoaches(String userId) {
    return engine.getIdentityService().createUserQuery().userId(userId).memberOfGroup(Roles.COACHES).count() == 1;
  }

  @Test
  @DisplayName("REG-1 REG-3 a coach with ILM Level 5 goes to a coordinator, whose approval lists the profile")
  void qualified_coach_approved() {
    String applicant = applicant();
    String key = driver.startByForm("coach-registration", applicant, form(true, false, "ILM_LEVEL_5"));
    assertThat(key).isEqualTo(applicant);
    assertThat(register.find(applicant).orElseThrow().status()).isEqualTo(ProfileStatus.APPLIED);
    assertThat(driver.task(applicant, "Task_ApproveApplication").getAssignee()).isNull();

    driver.claimAndComplete(applicant, "Task_ApproveApplication", LifecycleDriver.COORDINATOR,
        Map.of("approvalDecision", "APPROVE"));

    assertThat(history(applicant).getEndActivityId()).isEqualTo("Event_Listed");
    CoachProfile profile = register.find(applicant).orElseThrow();
    assertThat(profile.status()).isEqualTo(ProfileStatus.LISTED);
    assertThat(profile.coach()).isTrue();
    assertThat(profile.qualification()).isEqualTo(Qualification.ILM_LEVEL_5);
    assertThat(profile.specialisms()).containsExactlyInAnyOrder(Specialism.LEADERSHIP, Specialism.WELLBEING);
    assertThat(profile.locations()).containsExactlyInAnyOrder("west bromwich", "dudley");
    assertThat(profile.capacity()).isEqualTo(2);
    assertThat(inCoaches(applicant)).isTrue();
  }

  @Test
  @DisplayName("REG-1 a coordinator refuses an application and says why; the applicant is told")
  void approval_refused() {
    String applicant = applicant();
    driver.startByForm("coach-registration", applicant, form(true, false, "EQUIVALENT"));

    assertThatThrownBy(() -> driver.claimAndComplete(applicant, "Task_ApproveApplication",
        LifecycleDriver.COORDINATOR, Map.of("approvalDecision", "REFUSE")))
        .isInstanceOf(InvalidInputException.class).hasMessage("The reason for the refusal is required.");
    driver.complete(applicant, "Task_ApproveApplication", LifecycleDriver.COORDINATOR,
        Map.of("approvalDecision", "REFUSE", "refusalReason", "The qualification could not be verified"));

    assertThat(history(applicant).getEndActivityId()).isEqualTo("Event_Refused");
    assertThat(register.find(applicant).orElseThrow()).satisfies(profile -> {
      assertThat(profile.status()).isEqualTo(ProfileStatus.REFUSED);
      assertThat(profile.statusReason()).isEqualTo("The qualification could not be verified");
    });
    assertThat(inCoaches(applicant)).isFalse();
    assertThat(jdbc.sql("select params from notification where recipient_id = :id and kind = 'MESSAGE'")
        .param("id", applicant).query(String.class).list()).singleElement().asString()
        .contains("Your application was refused: The qualification could not be verified");
  }

  @Test
  @DisplayName("REG-1 a coach without the qualification passes a competency interview with an assessor and is listed")
  void interview_passed() {
    String applicant = applicant();
    driver.startByForm("coach-registration", applicant, form(true, false, "IN_TRAINING"));
    assertThat(driver.hasTask(applicant, "Task_ApproveApplication")).isFalse();

    driver.claimAndComplete(applicant, "Task_HoldInterview", LifecycleDriver.ASSESSOR,
        Map.of("interviewPassed", "YES", "interviewNotes", "Strong on contracting and ethics"));

    assertThat(history(applicant).getEndActivityId()).isEqualTo("Event_Listed");
    assertThat(register.find(applicant).orElseThrow()).satisfies(profile -> {
      assertThat(profile.status()).isEqualTo(ProfileStatus.LISTED);
      assertThat(profile.interviewPassed()).isTrue();
    });
  }

  @Test
  @DisplayName("REG-1 a failed competency interview refuses the application, with the assessor's notes")
  void interview_failed() {
    String applicant = applicant();
    driver.startByForm("coach-registration", applicant, form(true, false, "NONE"));

    driver.claimAndComplete(applicant, "Task_HoldInterview", LifecycleDriver.ASSESSOR,
        Map.of("interviewPassed", "NO", "interviewNotes", "Not yet ready to work with clients"));

    assertThat(register.find(applicant).orElseThrow()).satisfies(profile -> {
      assertThat(profile.status()).isEqualTo(ProfileStatus.REFUSED);
      assertThat(profile.interviewPassed()).isFalse();
      assertThat(profile.statusReason()).contains("Not yet ready to work with clients");
    });
  }

  @Test
  @DisplayName("REG-1 a mentor is listed on the ethics declaration alone")
  void mentor_route() {
    String applicant = applicant();
    driver.startByForm("coach-registration", applicant, form(false, true, "NONE"));

    assertThat(history(applicant).getEndActivityId()).isEqualTo("Event_Listed");
    assertThat(driver.tasks(applicant)).isEmpty();
    assertThat(register.find(applicant).orElseThrow()).satisfies(profile -> {
      assertThat(profile.mentor()).isTrue();
      assertThat(profile.coach()).isFalse();
      assertThat(profile.status()).isEqualTo(ProfileStatus.LISTED);
    });
    assertThat(inCoaches(applicant)).isTrue();
  }

  @Test
  @DisplayName("DP-1 an application without consent keeps nothing at all")
  void no_consent() {
    String applicant = applicant();
    Map<String, Object> values = form(true, false, "ILM_LEVEL_5");
    values.put("consent", false);

    assertThatThrownBy(() -> driver.startByForm("coach-registration", applicant, values))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Give your consent");
    assertThat(register.find(applicant)).isEmpty();
    assertThat(history(applicant)).isNull();
    assertThat(jdbc.sql("select count(*) from consent where person_id = :id").param("id", applicant)
        .query(Long.class).single()).isZero();
  }

  @Test
  @DisplayName("DP-1 the applicant's consent is recorded with when and which version of the privacy notice")
  void consent_recorded() {
    String applicant = applicant();
    driver.startByForm("coach-registration", applicant, form(false, true, "NONE"));

    assertThat(jdbc.sql("select purpose, notice_version from consent where person_id = :id")
        .param("id", applicant).query().listOfRows())
        .singleElement().satisfies(row -> {
          assertThat(row.get("purpose")).isEqualTo("REGISTER");
          assertThat(row.get("notice_version")).isEqualTo("2026-01");
        });
  }

  @Test
  @DisplayName("REG-3 a profile with a negative capacity is refused and nothing is kept")
  void negative_capacity() {
    String applicant = applicant();
    Map<String, Object> values = form(true, false, "ILM_LEVEL_5");
    values.put("capacity", -1);

    assertThatThrownBy(() -> driver.startByForm("coach-registration", applicant, values))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("The capacity must be between 0 and 20 clients, not -1.");
    assertThat(register.find(applicant)).isEmpty();
  }

  @Test
  @DisplayName("REG-1 a second application while the first is assessed is refused")
  void second_application() {
    String applicant = applicant();
    driver.startByForm("coach-registration", applicant, form(true, false, "ILM_LEVEL_5"));

    assertThatThrownBy(() -> driver.startByForm("coach-registration", applicant, form(true, false, "ILM_LEVEL_5")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already being assessed");
  }
}
