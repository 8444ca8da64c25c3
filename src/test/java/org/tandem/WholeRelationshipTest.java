package org.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.DatabaseScan;
import org.tandem.support.DrivenLifecycleTest;
import org.tandem.support.LifecycleDriver;

/**
 * One whole relationship as its people live it in Tasklist, every value submitted under the name its Camunda Form
 * gives it, with a marker in every confidential answer; then the whole database is read for the marker. Runs on H2
 * ({@link H2WholeRelationshipTest}) and on PostgreSQL ({@link PostgresWholeRelationshipTest}).
 */
abstract class WholeRelationshipTest extends DrivenLifecycleTest {

  static final String MARKER = "ZEBRA-7QX-CONFIDENTIAL";

  @Autowired
  org.tandem.confidential.ConfidentialRecords records;

  private static Map<String, Object> marked(String... fields) {
    Map<String, Object> values = new HashMap<>();
    for (String field : fields) {
      values.put(field, MARKER + " in " + field);
    }
    return values;
  }

  private void answerEvaluations(String id) {
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey("Task_Evaluate").list()) {
      String questionnaire = (String) engine.getTaskService().getVariable(task.getId(), "questionnaire");
      Map<String, Object> answers = switch (questionnaire) {
        case "client-start" -> with(marked("privateHopes"), "anonymousNeedClarity", "4", "anonymousConfidence", "3");
        case "client-middle" -> with(marked("privateChange"), "anonymousProgress", "3", "anonymousRelationship", "5");
        case "coach-middle" -> with(marked("privateProgrammeNotes"), "anonymousRelationship", "4",
            "anonymousEngagement", "5");
        case "client-end" -> with(marked("privateGoalsAchieved", "privateDifference", "privateOrganisationImpact",
            "privateSponsorPerspective", "privateSessionsWhereOther", "privateExperience", "privateCoachFeedback"),
            "anonymousReviewedWithSponsor", "YES", "anonymousSessionsHad", 5, "anonymousSessionsWhere", "OTHER",
            "anonymousOverall", "5");
        case "coach-end" -> with(marked("privateWentWell", "privateLearnt"), "anonymousGoalsMet", "4");
        case "sponsor-end" -> with(marked("privateOutcomesPerspective", "privateOngoingSupport"),
            "anonymousProgressSeen", "4", "anonymousWorthwhile", "5");
        default -> throw new AssertionError(questionnaire);
      };
      driver.completeTask(task.getId(), task.getAssignee(), answers);
    }
  }

  private static Map<String, Object> with(Map<String, Object> values, Object... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }

  private void feedbackAndReflection(String id) {
    driver.complete(id, "Task_GiveFeedback", CLIENT, marked("confidentialWorkedWell", "confidentialWorkedLessWell",
        "confidentialCoachCouldDevelop", "confidentialAccomplished", "confidentialNotDone", "confidentialOnYourMind",
        "confidentialNextSessionUse"));
    driver.complete(id, "Task_Reflect", COACH, marked("privateLearningStyle", "privateSkillsToWorkOn",
        "privateApproach", "privateWorkedWell", "privateWorkedLessWell", "privateModelsUsed", "privateLearnt"));
  }

  private Map<String, Object> sessionNotes() {
    return marked("confidentialKeyPoints", "confidentialSessionGoal", "confidentialActions");
  }

  @Test
  @DisplayName("SES-2 DP-3 DP-5 a whole relationship through its forms: every record kept, every confidential answer sealed, in clear nowhere in the database")
  void a_whole_relationship_through_its_forms() {
    String id = driver.start(COACH, CLIENT, SPONSOR, "COACHING");
    Map<String, Object> contract = driver.contract();
    contract.put("sessionsAgreed", 4);
    driver.draftContract(id, COACH, contract);
    driver.sendBack(id, "Task_ClientSigns", CLIENT, "Please add the planned dates");
    driver.contractSigned(id, COACH, CLIENT, contract);
    driver.sponsorAgrees(id, SPONSOR);

    driver.holdSession(id, COACH, sessionNotes());
    feedbackAndReflection(id);
    driver.complete(id, "Task_CoachDecidesGo", COACH, with(marked("confidentialGoNote"), "goOn", "YES"));
    driver.complete(id, "Task_ClientDecidesGo", CLIENT, Map.of("goOn", "YES"));
    driver.complete(id, "Task_ClientChangesSession", CLIENT, with(marked("confidentialChangeNote"),
        "newDate", "2026-03-24", "newTime", "10:00"));
    for (int i = 2; i <= 4; i++) {
      driver.holdSession(id, COACH, sessionNotes());
    }
    driver.complete(id, "Task_CoachReviews", COACH, with(marked("confidentialProgress"), "reviewDecision", "CONTINUE"));
    driver.complete(id, "Task_ClientReviews", CLIENT, with(marked("confidentialProgress"), "reviewDecision",
        "CONTINUE"));
    driver.contractSigned(id, COACH, CLIENT, contract);
    driver.sponsorAgrees(id, SPONSOR);
    driver.holdSession(id, COACH, sessionNotes());
    driver.complete(id, "Task_ClientEndsEarly", CLIENT, with(marked("confidentialEndNote"),
        "endReason", "DIFFERENT_SUPPORT", "endConfirmed", true));
    answerEvaluations(id);
    driver.advance(java.time.Duration.ofDays(15));
    driver.runDueJobs(id);

    assertThat(driver.relationship(id)).containsEntry("STATUS", "CLOSED").containsEntry("OUTCOME", "ENDED_EARLY")
        .containsEntry("END_REASON", "DIFFERENT_SUPPORT").containsEntry("ENDED_BY", CLIENT);
    assertThat(driver.rows("select version, status from contract where relationship_id = :id order by version", id))
        .containsExactly(Map.of("VERSION", 1, "STATUS", "SUPERSEDED"), Map.of("VERSION", 2, "STATUS", "IN_FORCE"));
    assertThat(driver.rows("select number from coaching_session where relationship_id = :id and status = 'HELD'", id))
        .hasSize(5);
    assertThat(driver.rows("select late from session_change where relationship_id = :id", id)).hasSize(1);
    assertThat(driver.evaluationsInvited(id)).containsExactly("CLIENT_START@" + CLIENT, "CLIENT_MIDDLE@" + CLIENT,
        "COACH_MIDDLE@" + COACH, "CLIENT_END@" + CLIENT, "COACH_END@" + COACH, "SPONSOR_END@" + SPONSOR);
    assertThat(driver.rows("select status from evaluation where relationship_id = :id", id))
        .allMatch(row -> row.get("STATUS").equals("RETURNED"));
    assertThat(driver.instances(id)).isEmpty();
    long notes = jdbc.sql("select count(*) from confidential_note where relationship_id = :id").param("id", id)
        .query(Long.class).single();
    int sessions = 5 * 3;
    int feedbackAndReflection = 7 + 7;
    int decisionsChangeAndEnding = 1 + 1 + 2 + 1;
    int evaluations = 1 + 1 + 1 + 7 + 2 + 2;
    assertThat(notes).isEqualTo(sessions + feedbackAndReflection + decisionsChangeAndEnding + evaluations);

    assertThat(DatabaseScan.tableCount(dataSource)).as("the scan reads the engine's tables too").isGreaterThan(40);
    assertThat(DatabaseScan.find(dataSource, MARKER)).as("sealed in the confidential store, nowhere in clear").isEmpty();
    assertThat(driver.records(records, id, CLIENT)).as("yet the client reads what was said, and the own answers")
        .isNotEmpty().allSatisfy(entry -> assertThat(entry.content()).startsWith(MARKER));
    assertThat(driver.records(records, id, COACH)).extracting(org.tandem.confidential.ConfidentialRecords.Entry::field)
        .contains("privateLearnt", "confidentialKeyPoints").doesNotContain("privateCoachFeedback");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableNameLike("anonymous%").count())
        .as("anonymous answers never reach the engine's history").isZero();
    assertThat(engine.getHistoryService().createHistoricDetailQuery().formFields().list())
        .extracting(detail -> ((org.camunda.bpm.engine.history.HistoricFormField) detail).getFieldId())
        .noneMatch(field -> field.startsWith("anonymous") || field.startsWith("private")
            || field.startsWith("confidential"));
  }

  @Test
  @DisplayName("DP-2 a person is erased: their id, name and email are nowhere in the database, and the other party's records stay")
  void a_person_is_erased_everywhere() {
    String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
    String erin = "erin" + suffix;
    String name = "Erinna Quillfeather" + suffix;
    String email = "erinna.q" + suffix + "@trust.example";
    var user = engine.getIdentityService().newUser(erin);
    user.setFirstName("Erinna");
    user.setLastName("Quillfeather" + suffix);
    user.setEmail(email);
    user.setPassword("demo");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(erin, org.tandem.identity.Roles.CLIENTS);

    String requestId = driver.startByForm("coaching-request", erin, Map.of("consent", true, "kind", "COACHING",
        "developmentNeed", "Leading through change, says " + name, "organisation", "Walsall Trust"));
    String id = driver.start(COACH, erin, SPONSOR, "COACHING");
    Map<String, Object> contract = driver.contract();
    contract.put("clientExpectations", "Challenge, as " + name + " asked");
    driver.draftContract(id, COACH, contract);
    driver.sendBack(id, "Task_ClientSigns", erin, "Please add the dates, " + email);
    driver.draftContract(id, COACH, contract);
    driver.clientSigns(id, erin);
    driver.coachSigns(id, COACH);
    driver.sponsorAgrees(id, SPONSOR);
    driver.holdSession(id, COACH, Map.of("confidentialKeyPoints", "Talked with " + name + " about the team",
        "confidentialActions", "Colin sends the model"));
    driver.complete(id, "Task_GiveFeedback", erin, Map.of("confidentialWorkedWell", "All of it, " + email));
    driver.complete(id, "Task_Reflect", COACH, Map.of("privateLearnt", "Listen more"));
    String complaint = driver.startByForm("complaint", erin, Map.of("coachId", COACH,
        "clientOrganisation", "Walsall Trust", "concern", "Late once; " + name));
    driver.complete(complaint, "Task_CoachResponds", COACH, Map.of("coachResponse", "Sorry, " + name));
    driver.complete(complaint, "Task_RaiserConfirms", erin, Map.of("resolvedWithCoach", "YES"));
    assertThat(DatabaseScan.find(dataSource, erin)).as("the person is all over the database").isNotEmpty();
    long sessionsBefore = jdbc.sql("select count(*) from coaching_session where relationship_id = :id")
        .param("id", id).query(Long.class).single();

    String erasure = driver.startByForm("erasure-request", erin, Map.of("reason", "Moving on",
        "understood", true));
    driver.claimAndComplete(erasure, "Task_VerifyErasure", LifecycleDriver.COORDINATOR,
        Map.of("identityVerified", true, "erasureDecision", "ERASE"));
    assertThat(driver.runDueJobs(erasure)).as("stop, then erase").isEqualTo(2);

    assertThat(DatabaseScan.find(dataSource, erin)).as("the id").isEmpty();
    assertThat(DatabaseScan.find(dataSource, name)).as("the name").isEmpty();
    assertThat(DatabaseScan.find(dataSource, email)).as("the email").isEmpty();
    assertThat(DatabaseScan.find(dataSource, email.toUpperCase(java.util.Locale.ROOT))).isEmpty();
    assertThat(engine.getIdentityService().createUserQuery().userId(erin).count()).isZero();

    Map<String, Object> relationship = driver.relationship(id);
    String pseudonym = (String) relationship.get("CLIENT_ID");
    assertThat(pseudonym).startsWith("erased-");
    assertThat(relationship).containsEntry("COACH_ID", COACH).containsEntry("STATUS", "CLOSED")
        .containsEntry("OUTCOME", "WITHDRAWN");
    assertThat(jdbc.sql("select count(*) from coaching_session where relationship_id = :id").param("id", id)
        .query(Long.class).single()).as("the sessions stay on record").isEqualTo(sessionsBefore);
    assertThat(driver.records(records, id, COACH)).extracting(e -> e.field() + ": " + e.content())
        .as("the coach's records stay, without the person's name; what the person wrote is gone")
        .containsExactlyInAnyOrder("confidentialKeyPoints: Talked with [erased] about the team",
            "confidentialActions: Colin sends the model", "privateLearnt: Listen more");
    assertThat(jdbc.sql("select count(*) from coaching_request where id = :id").param("id", requestId)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select raised_by from complaint where id = :id").param("id", complaint)
        .query(String.class).single()).isEqualTo(pseudonym);
    assertThat(jdbc.sql("select status from erasure_request where id = :id").param("id", erasure)
        .query(String.class).single()).isEqualTo("ERASED");
    assertThat(engine.getIdentityService().createUserQuery().userId(COACH).count()).isOne();
  }

  @Test
  @DisplayName("MAT-1 MAT-2 MAT-3 from a client's request to a started relationship: shortlist, choice, acceptance")
  void from_a_request_to_a_relationship() {
    String town = "reqtown" + java.util.UUID.randomUUID().toString().substring(0, 6);
    String coach = new org.tandem.support.RegisterFixtures(jdbc).profile(town + "c").specialisms("WELLBEING")
        .locations(town).save();
    var user = engine.getIdentityService().newUser(coach);
    user.setPassword("demo");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(coach, org.tandem.identity.Roles.COACHES);

    String requestId = driver.startByForm("coaching-request", CLIENT, Map.of("consent", true, "kind", "COACHING",
        "developmentNeed", "Looking after my team's wellbeing", "preferredSpecialism", "WELLBEING",
        "preferredLocation", town, "organisation", "Sandwell Trust"));
    assertThat(engine.getRuntimeService().getVariable(driver.instance(requestId, "coaching-request").getId(),
        "shortlist").toString()).startsWith("[\"" + coach + "\"");
    driver.complete(requestId, "Task_ChooseCoach", CLIENT, Map.of("chosenCoachId", coach, "sponsorId", SPONSOR));
    driver.complete(requestId, "Task_CoachAnswers", coach, Map.of("coachAnswer", "ACCEPT"));

    String relationshipId = jdbc.sql("select relationship_id from coaching_request where id = :id")
        .param("id", requestId).query(String.class).single();
    assertThat(relationshipId).matches("R-\\d{6}");
    assertThat(driver.relationship(relationshipId)).containsEntry("COACH_ID", coach).containsEntry("CLIENT_ID", CLIENT)
        .containsEntry("SPONSOR_ID", SPONSOR).containsEntry("STATUS", "CONTRACTING");
    assertThat(driver.instance(relationshipId, "relationship")).isNotNull();
    assertThat(driver.task(relationshipId, "Task_DraftContract").getAssignee()).isEqualTo(coach);
  }

  private String person(String id, String group) {
    var user = engine.getIdentityService().newUser(id);
    user.setFirstName("Kit");
    user.setLastName("Umberfield-" + id);
    user.setEmail(id + "@coaching.example");
    user.setPassword("demo");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(id, group);
    return id;
  }

  private String request(String client, String town) {
    return driver.startByForm("coaching-request", client, Map.of("consent", true, "kind", "COACHING",
        "developmentNeed", "Confidence with the board", "preferredSpecialism", "WELLBEING",
        "preferredLocation", town, "organisation", "Sandwell Trust"));
  }

  @Test
  @DisplayName("DP-2 a coach is erased everywhere: the relationship they coached, and the shortlists of other clients, chosen from or still open")
  void a_coach_is_erased_from_relationships_and_shortlists() {
    String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
    String town = "kittown" + suffix;
    String kit = person("kit" + suffix, org.tandem.identity.Roles.COACHES);
    String other = person("olu" + suffix, org.tandem.identity.Roles.COACHES);
    var register = new org.tandem.support.RegisterFixtures(jdbc);
    register.profile(kit).specialisms("WELLBEING").locations(town).save();
    register.profile(other).specialisms("WELLBEING").locations(town).save();
    String coached = person("cli" + suffix, org.tandem.identity.Roles.CLIENTS);
    String choseOther = person("cho" + suffix, org.tandem.identity.Roles.CLIENTS);
    String choosing = person("chx" + suffix, org.tandem.identity.Roles.CLIENTS);

    String first = request(coached, town);
    driver.complete(first, "Task_ChooseCoach", coached, Map.of("chosenCoachId", kit));
    driver.complete(first, "Task_CoachAnswers", kit, Map.of("coachAnswer", "ACCEPT"));
    String id = jdbc.sql("select relationship_id from coaching_request where id = :id").param("id", first)
        .query(String.class).single();
    driver.draftContract(id, kit, driver.contract());
    driver.clientSigns(id, coached);
    driver.coachSigns(id, kit);
    driver.holdSession(id, kit, Map.of("confidentialKeyPoints", "Worked on the board paper"));
    String second = request(choseOther, town);
    driver.complete(second, "Task_ChooseCoach", choseOther, Map.of("chosenCoachId", other));
    driver.complete(second, "Task_CoachAnswers", other, Map.of("coachAnswer", "ACCEPT"));
    String third = request(choosing, town);
    assertThat(engine.getRuntimeService().getVariable(driver.instance(third, "coaching-request").getId(),
        "shortlist").toString()).as("on a shortlist still open").contains(kit);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(driver.instance(third, "coaching-request").getId()).variableNameLike("shortlist%").count())
        .as("who else was listed stays out of the engine's history").isZero();
    String name = engine.getIdentityService().createUserQuery().userId(kit).singleResult().getLastName();
    assertThat(DatabaseScan.find(dataSource, kit)).as("the coach is all over the database").isNotEmpty();
    assertThat(DatabaseScan.find(dataSource, name)).isNotEmpty();

    String erasure = driver.startByForm("erasure-request", kit, Map.of("understood", true));
    driver.claimAndComplete(erasure, "Task_VerifyErasure", LifecycleDriver.COORDINATOR,
        Map.of("identityVerified", true, "erasureDecision", "ERASE"));
    assertThat(driver.runDueJobs(erasure)).as("stop, then erase").isEqualTo(2);

    assertThat(DatabaseScan.find(dataSource, kit)).as("the id").isEmpty();
    assertThat(DatabaseScan.find(dataSource, name)).as("the name").isEmpty();
    assertThat(DatabaseScan.find(dataSource, kit + "@coaching.example")).as("the email").isEmpty();
    assertThat(driver.relationship(id).get("COACH_ID").toString()).startsWith("erased-");
    assertThat(jdbc.sql("select count(*) from match_offer where request_id = :id and coach_id = :coach")
        .param("id", second).param("coach", other).query(Long.class).single()).as("the other coach's offer stays")
        .isOne();
  }
}
