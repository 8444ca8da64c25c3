package org.tandem.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COORDINATOR;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.common.InvalidInputException;
import org.tandem.identity.Roles;
import org.tandem.register.ProfileStatus;
import org.tandem.register.RegisterService;
import org.tandem.support.LifecycleTest;
import org.tandem.support.RegisterFixtures;

class ComplaintProcessTest extends LifecycleTest {

  @Autowired
  ComplaintService complaints;
  @Autowired
  RegisterService register;

  String coach;

  @BeforeEach
  void coach() {
    coach = new RegisterFixtures(jdbc).profile("cmp" + UUID.randomUUID().toString().substring(0, 8)).save();
    var user = engine.getIdentityService().newUser(coach);
    user.setPassword("demo");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(coach, Roles.COACHES);
  }

  private String raise() {
    return driver.startByForm("complaint", CLIENT, Map.of("coachId", coach,
        "clientOrganisation", "Dudley Group", "concern", "Sessions were repeatedly cut short"));
  }

  private void notResolvedWithCoach(String id) {
    driver.complete(id, "Task_CoachResponds", coach, Map.of("coachResponse", "I will keep to time"));
    driver.complete(id, "Task_RaiserConfirms", CLIENT, Map.of("resolvedWithCoach", "NO"));
  }

  private void toLead(String id) {
    notResolvedWithCoach(id);
    driver.claimAndComplete(id, "Task_HrConsiders", COORDINATOR,
        Map.of("hrOutcome", "ESCALATE", "hrNotes", "A pattern across several clients"));
  }

  /** A concern that reaches the coaching lead, who decides; answers its id. */
  private String leadDecides(String decision, String reason) {
    String id = raise();
    toLead(id);
    driver.claimAndComplete(id, "Task_LeadDecides", COORDINATOR,
        Map.of("decision", decision, "decisionReason", reason));
    return id;
  }

  @Test
  @DisplayName("CMP-1 a concern goes to the coach first, and is resolved with them")
  void resolved_with_the_coach() {
    String id = raise();
    assertThat(id).matches("C-\\d{6}");
    assertThat(driver.task(id, "Task_CoachResponds").getAssignee()).isEqualTo(coach);

    driver.complete(id, "Task_CoachResponds", coach, Map.of("coachResponse", "I am sorry; I will keep to time"));
    assertThat(driver.task(id, "Task_RaiserConfirms").getAssignee()).isEqualTo(CLIENT);
    driver.complete(id, "Task_RaiserConfirms", CLIENT, Map.of("resolvedWithCoach", "YES"));

    Complaint complaint = complaints.find(id).orElseThrow();
    assertThat(complaint.stage()).isEqualTo(Complaint.Stage.RESOLVED);
    assertThat(complaint.coachResponse()).isEqualTo("I am sorry; I will keep to time");
    assertThat(complaint.raisedByRole()).isEqualTo("CLIENT");
    assertThat(complaint.closedAt()).isNotNull();
  }

  @Test
  @DisplayName("CMP-1 not resolved with the coach: the HR department of the client's organisation considers it")
  void resolved_by_hr() {
    String id = raise();
    notResolvedWithCoach(id);

    assertThat(complaints.find(id).orElseThrow().stage()).isEqualTo(Complaint.Stage.WITH_HR);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id)
        .taskCandidateGroup(Roles.COORDINATORS).taskDefinitionKey("Task_HrConsiders").count()).isOne();
    driver.claimAndComplete(id, "Task_HrConsiders", COORDINATOR,
        Map.of("hrOutcome", "RESOLVED", "hrNotes", "Agreed timings with the coach's manager"));

    assertThat(complaints.find(id).orElseThrow()).satisfies(complaint -> {
      assertThat(complaint.stage()).isEqualTo(Complaint.Stage.RESOLVED);
      assertThat(complaint.hrNotes()).isEqualTo("Agreed timings with the coach's manager");
      assertThat(complaint.clientOrganisation()).isEqualTo("Dudley Group");
    });
  }

  @Test
  @DisplayName("CMP-1 the coaching lead decides no action: the coach stays on the register")
  void lead_no_action() {
    String id = leadDecides("NO_ACTION", "Not substantiated");

    assertThat(complaints.find(id).orElseThrow().decision()).isEqualTo(Complaint.Decision.NO_ACTION);
    assertThat(register.find(coach).orElseThrow().status()).isEqualTo(ProfileStatus.LISTED);
  }

  @Test
  @DisplayName("CMP-1 the coaching lead suspends the coach: not matchable until the suspension is lifted")
  void lead_suspends() {
    String id = leadDecides("SUSPEND", "Until supervision is in place");

    assertThat(register.find(coach).orElseThrow().status()).isEqualTo(ProfileStatus.SUSPENDED);
    assertThat(register.find(coach).orElseThrow().statusReason()).contains(id).contains("supervision");
    register.liftSuspension(coach);
    assertThat(register.find(coach).orElseThrow().status()).isEqualTo(ProfileStatus.LISTED);
  }

  @Test
  @DisplayName("CMP-1 the coaching lead removes the coach from the register")
  void lead_removes() {
    String id = leadDecides("REMOVE", "Serious breach of the code of ethics");

    assertThat(driver.instances(id)).isEmpty();
    assertThat(register.find(coach).orElseThrow().status()).isEqualTo(ProfileStatus.REMOVED);
    assertThat(complaints.find(id).orElseThrow().stage()).isEqualTo(Complaint.Stage.DECIDED);
  }

  @Test
  @DisplayName("CMP-1 a concern about someone not on the register, or without the organisation, is refused")
  void bad_concerns() {
    assertThatThrownBy(() -> driver.startByForm("complaint", CLIENT, Map.of("coachId", "nobodyhere",
        "clientOrganisation", "Dudley Group", "concern", "x"))).isInstanceOf(InvalidInputException.class)
        .hasMessage("There is no coach or mentor 'nobodyhere' on the register.");
    assertThatThrownBy(() -> driver.startByForm("complaint", CLIENT, Map.of("coachId", coach,
        "clientOrganisation", " ", "concern", "x"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Name the client's organisation");
  }
}
