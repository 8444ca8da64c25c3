package org.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COORDINATOR;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.common.InvalidInputException;
import org.tandem.identity.Roles;
import org.tandem.support.LifecycleTest;
import org.tandem.support.RegisterFixtures;

class MatchingProcessTest extends LifecycleTest {

  RegisterFixtures register;
  /** A town only this test's coaches work in: with the rare specialism they rank above everyone else. */
  String town;
  List<String> coaches;

  @BeforeEach
  void coaches() {
    register = new RegisterFixtures(jdbc);
    town = "town" + UUID.randomUUID().toString().substring(0, 8);
    coaches = List.of(coach("a"), coach("b"), coach("c"), coach("d"));
  }

  private String coach(String suffix) {
    String id = register.profile(town + suffix).specialisms("INCLUSION").locations(town).alsoMentor().save();
    var user = engine.getIdentityService().newUser(id);
    user.setFirstName("Coach");
    user.setLastName(suffix.toUpperCase());
    user.setPassword("demo");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(id, Roles.COACHES);
    return id;
  }

  private Map<String, Object> request() {
    Map<String, Object> values = new HashMap<>();
    values.put("consent", true);
    values.put("kind", "COACHING");
    values.put("developmentNeed", "Making my service more inclusive");
    values.put("draftGoals", "A plan for the team by the summer");
    values.put("preferredSpecialism", "INCLUSION");
    values.put("preferredFormat", "VIRTUAL");
    values.put("preferredLocation", town);
    values.put("organisation", "Walsall Healthcare");
    return values;
  }

  @SuppressWarnings("unchecked")
  private List<String> shortlist(String requestId) {
    return Spin.JSON(engine.getRuntimeService().getVariable(driver.instance(requestId, "coaching-request").getId(),
        "shortlist").toString()).mapTo(List.class);
  }

  /** The client asks with the start form; answers the request's id. */
  private String requested() {
    return driver.startByForm("coaching-request", CLIENT, request());
  }

  /**
   * A mentoring request while no mentor is listed, so that nobody is eligible; the mentors are listed again after the
   * test.
   */
  private void withNobodyEligible(java.util.function.Consumer<String> test) {
    jdbc.sql("update coach_profile set status = 'SUSPENDED' where status = 'LISTED' and is_mentor = true").update();
    try {
      Map<String, Object> values = request();
      values.put("kind", "MENTORING");
      test.accept(driver.startByForm("coaching-request", CLIENT, values));
    } finally {
      jdbc.sql("update coach_profile set status = 'LISTED' where status = 'SUSPENDED' and status_reason is null")
          .update();
    }
  }

  private String relationshipOf(String requestId) {
    return jdbc.sql("select relationship_id from coaching_request where id = :id")
        .param("id", requestId).query(String.class).single();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /** The client chooses the best fit on the shortlist; answers who. */
  private String chooseTheFirst(String requestId) {
    String coach = shortlist(requestId).get(0);
    choose(requestId, coach);
    return coach;
  }

  /** The client chooses a coach and names her sponsor, as the choice's form asks. */
  private void choose(String requestId, String coach) {
    driver.complete(requestId, "Task_ChooseCoach", CLIENT, Map.of("chosenCoachId", coach, "sponsorId", SPONSOR));
  }

  private void answer(String requestId, String coach, String answer) {
    driver.complete(requestId, "Task_CoachAnswers", coach, Map.of("coachAnswer", answer));
  }

  @Test
  @DisplayName("MAT-1 DP-1 a client asks with consent; the request and the consent (when, which notice) are kept")
  void client_asks() {
    String requestId = requested();

    assertThat(requestId).matches("Q-\\d{6}");
    Map<String, Object> row = driver.rows("select * from coaching_request where id = :id", requestId).get(0);
    assertThat(row).containsEntry("CLIENT_ID", CLIENT).containsEntry("KIND", "COACHING")
        .containsEntry("PREFERRED_SPECIALISM", "INCLUSION").containsEntry("PREFERRED_LOCATION", town)
        .containsEntry("STATUS", "OPEN");
    assertThat(jdbc.sql("select notice_version from consent where id = :id").param("id", row.get("CONSENT_ID"))
        .query(String.class).single()).isEqualTo("2026-01");
    assertThat(driver.task(requestId, "Task_ChooseCoach").getAssignee()).isEqualTo(CLIENT);
  }

  @Test
  @DisplayName("MAT-2 the client sees a shortlist of three, the best fits first, each explained")
  void shortlist_explained() {
    String requestId = requested();

    assertThat(shortlist(requestId)).hasSize(3).allMatch(coaches::contains);
    String summary = (String) engine.getRuntimeService().getVariable(
        driver.instance(requestId, "coaching-request").getId(), "shortlistSummary");
    assertThat(summary).contains("offers your specialism: inclusion").contains("works in " + MatchingService.place(town))
        .contains("has no clients at the moment").contains("Qualification: ILM Level 5");
  }

  @Test
  @DisplayName("MAT-3 the chosen coach accepts: the relationship of the pair starts")
  void accepted() {
    String requestId = requested();
    String chosen = chooseTheFirst(requestId);
    assertThat(driver.task(requestId, "Task_CoachAnswers").getAssignee()).isEqualTo(chosen);

    answer(requestId, chosen, "ACCEPT");

    ProcessInstance request = driver.instance(requestId, "coaching-request");
    assertThat(request).isNull();
    String relationshipId = relationshipOf(requestId);
    assertThat(driver.relationship(relationshipId)).containsEntry("COACH_ID", chosen).containsEntry("CLIENT_ID", CLIENT)
        .containsEntry("SPONSOR_ID", SPONSOR).containsEntry("KIND", "COACHING");
    assertThat(driver.instance(relationshipId, "relationship")).isNotNull();
    assertThat(driver.task(relationshipId, "Task_DraftContract").getAssignee()).isEqualTo(chosen);
  }

  @Test
  @DisplayName("MAT-3 a decline: the client chooses again from the rest; the coach who declined is not offered again")
  void declined_then_accepted() {
    String requestId = requested();
    String first = chooseTheFirst(requestId);
    answer(requestId, first, "DECLINE");

    assertThat(driver.instance(requestId, "coaching-request")).isWaitingAt("Task_ChooseCoach");
    assertThat(shortlist(requestId)).doesNotContain(first).hasSize(3);
    String second = chooseTheFirst(requestId);
    answer(requestId, second, "ACCEPT");

    assertThat(driver.rows("select coach_id, answer from match_offer where request_id = :id order by id", requestId))
        .containsExactly(Map.of("COACH_ID", first, "ANSWER", "DECLINED"), Map.of("COACH_ID", second, "ANSWER", "ACCEPTED"));
  }

  @Test
  @DisplayName("MAT-3 no answer within 14 days counts as a failed attempt; the client chooses again")
  void no_answer_in_time() {
    String requestId = requested();
    String first = chooseTheFirst(requestId);

    driver.advance(Duration.ofDays(13));
    driver.runDueJobs(requestId);
    assertThat(driver.instance(requestId, "coaching-request")).isWaitingAt("Task_CoachAnswers");
    driver.advance(Duration.ofDays(2));
    driver.runDueJobs(requestId);

    assertThat(driver.instance(requestId, "coaching-request")).hasPassed("Task_RecordNoAnswer")
        .isWaitingAt("Task_ChooseCoach");
    assertThat(shortlist(requestId)).doesNotContain(first);
    assertThat(driver.rows("select answer from match_offer where request_id = :id", requestId))
        .containsExactly(Map.of("ANSWER", "NO_ANSWER"));
  }

  @Test
  @DisplayName("MAT-3 after three failed attempts a coordinator matches by hand from the coaches who can take the client, and the relationship starts")
  void three_failures_then_by_hand() {
    String requestId = requested();
    for (int attempt = 1; attempt <= 3; attempt++) {
      String chosen = chooseTheFirst(requestId);
      answer(requestId, chosen, "DECLINE");
    }

    assertThat(driver.instance(requestId, "coaching-request")).isWaitingAt("Task_MatchByHand");
    assertThat(driver.rows("select status, failed_attempts from coaching_request where id = :id", requestId))
        .containsExactly(Map.of("STATUS", "WITH_COORDINATOR", "FAILED_ATTEMPTS", 3));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(requestId)
        .taskCandidateGroup(Roles.COORDINATORS).count()).isOne();

    String last = coaches.get(3);
    Object offered = engine.getTaskService().getVariable(driver.task(requestId, "Task_MatchByHand").getId(),
        "handOptions");
    assertThat(org.camunda.spin.Spin.JSON(offered.toString()).elements().stream()
        .map(option -> option.prop("value").stringValue()).toList())
        .as("the coordinator picks from the coaches who can take the client, those who declined too")
        .contains(last, coaches.get(0)).doesNotContain(CLIENT, SPONSOR);
    assertThat(engine.getTaskService().getVariable(driver.task(requestId, "Task_MatchByHand").getId(),
        "handSummary").toString()).as("with why each fits").contains("clients at the moment");
    driver.claimAndComplete(requestId, "Task_MatchByHand", COORDINATOR, Map.of("handCoachId", last));

    String relationshipId = relationshipOf(requestId);
    assertThat(driver.relationship(relationshipId)).containsEntry("COACH_ID", last);
  }

  @Test
  @DisplayName("MAT-3 a coordinator cannot match by hand with someone in conflict, such as the client's sponsor")
  void hand_match_checked() {
    withNobodyEligible(requestId -> {
      assertThat(driver.instance(requestId, "coaching-request")).isWaitingAt("Task_MatchByHand");
      String task = driver.task(requestId, "Task_MatchByHand").getId();
      assertThat(engine.getTaskService().getVariable(task, "handOptions").toString()).as("nobody to pick")
          .isEqualTo("[]");
      assertThat(engine.getTaskService().getVariable(task, "handSummary").toString())
          .startsWith("Nobody on the register can take this client now");

      assertThatThrownBy(() -> driver.claimAndComplete(requestId, "Task_MatchByHand", COORDINATOR,
          Map.of("handCoachId", SPONSOR))).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("cannot be matched with this client");
      assertThat(driver.instance(requestId, "coaching-request")).isWaitingAt("Task_MatchByHand");
    });
  }

  @Test
  @DisplayName("MAT-2 with nobody eligible the request goes straight to a coordinator")
  void nobody_eligible() {
    withNobodyEligible(requestId -> assertThat(driver.instance(requestId, "coaching-request"))
        .hasNotPassed("Task_ChooseCoach").isWaitingAt("Task_MatchByHand"));
  }

  @Test
  @DisplayName("MAT-3 choosing a coach who is not on the shortlist is refused and nothing is recorded")
  void not_on_the_shortlist() {
    String requestId = requested();

    assertThatThrownBy(() -> choose(requestId, "colin")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'colin' is not on your shortlist");
    assertThat(driver.instance(requestId, "coaching-request")).isWaitingAt("Task_ChooseCoach");
    assertThat(driver.rows("select * from match_offer where request_id = :id", requestId)).isEmpty();
  }

  @Test
  @DisplayName("MAT-1 DP-1 a request without consent keeps nothing at all")
  void without_consent() {
    long requests = count("coaching_request");
    long consents = count("consent");
    Map<String, Object> values = request();
    values.put("consent", false);

    assertThatThrownBy(() -> driver.startByForm("coaching-request", CLIENT, values))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Give your consent");
    assertThat(count("coaching_request")).isEqualTo(requests);
    assertThat(count("consent")).isEqualTo(consents);
  }

  @Test
  @DisplayName("CON-5 MAT-3 the client names her sponsor from the sponsors as she chooses her coach; it is kept")
  void sponsor_picked_with_the_choice() {
    String requestId = requested();
    Object offered = engine.getRuntimeService().getVariable(driver.instance(requestId, "coaching-request").getId(),
        "sponsorOptions");
    assertThat(Spin.JSON(offered.toString()).elements().stream().map(option -> option.prop("value").stringValue())
        .toList()).as("the sponsors, by name").contains(SPONSOR).doesNotContain(CLIENT);

    String coach = shortlist(requestId).get(0);
    driver.complete(requestId, "Task_ChooseCoach", CLIENT, Map.of("chosenCoachId", coach, "sponsorId", SPONSOR));

    assertThat(driver.rows("select sponsor_id from coaching_request where id = :id", requestId))
        .containsExactly(Map.of("SPONSOR_ID", SPONSOR));
  }

  @Test
  @DisplayName("MAT-1 CON-5 a sponsor who is not one of the sponsors is refused with the field named, and nothing is offered")
  void unknown_sponsor() {
    String requestId = requested();
    String coach = shortlist(requestId).get(0);

    assertThatThrownBy(() -> driver.complete(requestId, "Task_ChooseCoach", CLIENT,
        Map.of("chosenCoachId", coach, "sponsorId", "nosuchsponsor")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sponsorId"));
    assertThat(driver.rows("select sponsor_id from coaching_request where id = :id", requestId).get(0)
        .get("SPONSOR_ID")).isNull();
    assertThat(count("match_offer where request_id = '" + requestId + "'")).isZero();
    assertThat(driver.task(requestId, "Task_ChooseCoach")).as("the choice is still hers to make").isNotNull();
  }
}
