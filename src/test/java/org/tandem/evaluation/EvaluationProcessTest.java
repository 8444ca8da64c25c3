package org.tandem.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.LifecycleTest;

class EvaluationProcessTest extends LifecycleTest {

  @Autowired
  EvaluationService evaluations;
  @Autowired
  org.tandem.confidential.ConfidentialRecords records;

  private String closedWithSponsor() {
    String id = driver.inForce(SPONSOR);
    driver.endEarly(id, "Task_ClientEndsEarly", CLIENT, "DIFFERENT_SUPPORT", null);
    return id;
  }

  private String taskOf(String id, String user) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("Task_Evaluate")
        .taskAssignee(user).singleResult().getId();
  }

  private void answer(String id, String user, Map<String, Object> answers) {
    driver.completeTask(taskOf(id, user), user, answers);
  }

  @Test
  @DisplayName("EVA-1 at the end the client, the coach and the sponsor evaluate, each with their own questionnaire")
  void end_evaluations() {
    String id = closedWithSponsor();

    assertThat(driver.evaluationsInvited(id)).containsExactly("CLIENT_START@" + CLIENT, "CLIENT_END@" + CLIENT,
        "COACH_END@" + COACH, "SPONSOR_END@" + SPONSOR);
    List<String> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey("Task_Evaluate").list().stream()
        .map(task -> task.getAssignee() + ":" + engine.getTaskService().getVariable(task.getId(), "questionnaire"))
        .toList();
    assertThat(open).containsExactlyInAnyOrder(CLIENT + ":client-start", CLIENT + ":client-end",
        COACH + ":coach-end", SPONSOR + ":sponsor-end");
  }

  @Test
  @DisplayName("EVA-2 the client's end form is the Goals and Review form: every one of its questions is there")
  void goals_and_review_form() throws Exception {
    JsonNode form = new ObjectMapper().readTree(Files.readString(Path.of("forms/evaluation-client-end.form")));
    List<String> labels = new ArrayList<>();
    form.findValues("label").forEach(label -> labels.add(label.asText()));
    String text = String.join("\n", labels) + "\n" + form.findValue("text").asText();

    assertThat(text).contains("Were these goals achieved? Please provide details.")
        .contains("What difference has {{kindLabel}} made to you? What has been most beneficial, and what impact has it made?")
        .contains("What impact has {{kindLabel}} made for your organisation?")
        .contains("those you work with")
        .contains("Have the outcomes been reviewed with your organisational sponsor?")
        .contains("What was your sponsor's perspective on the outcomes?")
        .contains("How many sessions did you have?")
        .contains("Where were the sessions held?")
        .contains("Overall, how would you describe your {{kindLabel}} experience to others?")
        .contains("What feedback do you have about your coach's or mentor's style, approach and effectiveness?")
        .contains("{{goalsSummary}}");
  }

  @Test
  @DisplayName("EVA-2 EVA-4 the client's answers: free text stays with the client, counts and ratings go to the anonymous totals")
  void client_end_answers() {
    String id = closedWithSponsor();
    String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey("Task_Evaluate").taskAssignee(CLIENT).processVariableValueEquals("questionnaire",
            "client-end").singleResult().getId();
    assertThat((String) engine.getTaskService().getVariable(task, "goalsSummary"))
        .contains("Lead the new team with confidence");
    long before = evaluations.statistics().lines().stream()
        .filter(line -> line.questionnaire() == Questionnaire.CLIENT_END && line.question().equals("overall")
            && line.answer().equals("4")).mapToLong(EvaluationStatistics.Line::count).sum();

    Map<String, Object> answers = new HashMap<>();
    answers.put("privateGoalsAchieved", "Mostly: the team now runs its stand-ups");
    answers.put("privateDifference", "More confidence");
    answers.put("privateOrganisationImpact", "Fewer escalations");
    answers.put("anonymousReviewedWithSponsor", "YES");
    answers.put("privateSponsorPerspective", "Pleased");
    answers.put("anonymousSessionsHad", 4);
    answers.put("anonymousSessionsWhere", "VIRTUAL");
    answers.put("privateExperience", "Worth it");
    answers.put("privateCoachFeedback", "Kind but challenging");
    answers.put("anonymousOverall", "4");
    driver.completeTask(task, CLIENT, answers);

    assertThat(driver.rows("select field, visibility, author_id from confidential_note where relationship_id = :id "
        + "and topic = 'Task_Evaluate'", id)).hasSize(6).allSatisfy(row -> {
          assertThat(row.get("VISIBILITY")).isEqualTo("AUTHOR");
          assertThat(row.get("AUTHOR_ID")).isEqualTo(CLIENT);
        });
    assertThat(evaluations.statistics().lines()).anySatisfy(line -> {
      assertThat(line.questionnaire()).isEqualTo(Questionnaire.CLIENT_END);
      assertThat(line.question()).isEqualTo("overall");
      assertThat(line.answer()).isEqualTo("4");
      assertThat(line.count()).isEqualTo(before + 1);
    });
    assertThat(evaluations.of(id)).filteredOn(e -> e.questionnaire() == Questionnaire.CLIENT_END)
        .extracting(EvaluationRepository.Row::status).containsExactly(EvaluationService.RETURNED);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableNameLike("anonymous%")
        .count()).isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableNameLike("private%")
        .count()).isZero();
  }

  @Test
  @DisplayName("EVA-3 where there is a sponsor, the sponsor reviews progress against the goals at the end")
  void sponsor_reviews_progress() {
    String id = closedWithSponsor();
    String task = taskOf(id, SPONSOR);
    assertThat((String) engine.getTaskService().getVariable(task, "goalsSummary"))
        .contains("Lead the new team with confidence");

    answer(id, SPONSOR, Map.of("anonymousProgressSeen", "4", "privateOutcomesPerspective", "Clear progress",
        "anonymousWorthwhile", "5"));

    assertThat(evaluations.of(id)).filteredOn(e -> e.questionnaire() == Questionnaire.SPONSOR_END)
        .extracting(EvaluationRepository.Row::status).containsExactly(EvaluationService.RETURNED);
    assertThat(driver.rows("select author_id from confidential_note where relationship_id = :id", id))
        .containsExactly(Map.of("AUTHOR_ID", SPONSOR));
    assertThat(driver.records(records, id, CLIENT)).as("the sponsor's answers are the sponsor's alone").isEmpty();
  }

  @Test
  @DisplayName("EVA-4 the programme's totals name neither a relationship nor a person")
  void totals_are_anonymous() {
    String id = closedWithSponsor();
    answer(id, COACH, Map.of("anonymousGoalsMet", "3", "privateWentWell", "Contracting"));

    List<String> columns = jdbc.sql("select * from evaluation_answer").query((rs, n) -> {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        names.add(rs.getMetaData().getColumnName(i).toLowerCase());
      }
      return names;
    }).list().get(0);
    assertThat(columns).containsExactlyInAnyOrder("id", "questionnaire", "kind", "question", "answer",
        "answered_in");
    assertThat(jdbc.sql("select answered_in from evaluation_answer where question = 'goalsMet'")
        .query(String.class).list()).allMatch(month -> month.matches("\\d{4}-\\d{2}"));
    assertThat(evaluations.statistics().toString()).doesNotContain(id).doesNotContain(COACH)
        .doesNotContain("Contracting");
  }

  @Test
  @DisplayName("EVA-5 an evaluation not completed is reminded once, then closes as not returned")
  void reminded_then_not_returned() {
    String id = driver.inForce(null);
    ProcessInstance evaluation = driver.instance(id, "evaluation");
    assertThat(evaluation).isWaitingAt("Task_Evaluate");

    driver.advance(Duration.ofDays(7).plusMinutes(1));
    driver.runDueJobs(id);
    assertThat(evaluation).hasPassed("Task_RemindRespondent").isWaitingAt("Task_Evaluate");
    assertThat(driver.reminders(id, CLIENT)).containsExactly("Reminder: your evaluation");

    driver.advance(Duration.ofDays(3));
    driver.runDueJobs(id);
    assertThat(driver.reminders(id, CLIENT)).as("reminded once only").hasSize(1);

    driver.advance(Duration.ofDays(4));
    driver.runDueJobs(id);
    assertThat(evaluation).isEnded().hasPassed("Event_NotReturned");
    assertThat(evaluations.of(id)).singleElement().satisfies(row -> {
      assertThat(row.status()).isEqualTo(EvaluationService.NOT_RETURNED);
      assertThat(row.remindedAt()).isNotNull();
      assertThat(row.closedAt()).isNotNull();
    });
    assertThat(driver.instance(id, "sessions")).as("the relationship went on meanwhile").isNotNull();
  }
}
