package org.tandem.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole relationship driven through its forms as its people do it, while the engine's clock stands still: a
 * request with consent, the choice from the shortlist and the coach's acceptance, a contract of three goals agreed by
 * a sponsor, go/no-go, four sessions (each recorded as held today, the next planned for tomorrow), a review that
 * continues, the new contract, four more sessions, and so on until the third review concludes, then every
 * evaluation. The optional feedback and the standing tasks are left alone.
 */
public final class RelationshipRun {

  /** The steps a relationship waits on. */
  public static final List<String> STEPS = List.of("Task_DraftContract", "Task_ClientSigns", "Task_CoachSigns",
      "Task_SponsorAgreesGoals", "Task_Evaluate", "Task_ArrangeSession", "Task_RecordSession", "Task_CoachDecidesGo",
      "Task_ClientDecidesGo", "Task_CoachReviews", "Task_ClientReviews");

  private final LifecycleDriver driver;
  private final JdbcClient jdbc;
  private final ProcessEngine engine;

  public RelationshipRun(LifecycleDriver driver, JdbcClient jdbc, ProcessEngine engine) {
    this.driver = driver;
    this.jdbc = jdbc;
    this.engine = engine;
  }

  /** A client's request in the coach's town, the choice of that coach with a sponsor, and the coach's acceptance. */
  public String matched(String coach, String client, String town, String sponsor) {
    String request = driver.startByForm("coaching-request", client, Map.of("consent", true, "kind", "COACHING",
        "developmentNeed", "Leading a team through a restructure", "preferredSpecialism", "LEADERSHIP",
        "preferredLocation", town, "organisation", "Sandwell Trust"));
    driver.complete(request, "Task_ChooseCoach", client, Map.of("chosenCoachId", coach, "sponsorId", sponsor));
    driver.complete(request, "Task_CoachAnswers", coach, Map.of("coachAnswer", "ACCEPT"));
    return jdbc.sql("select relationship_id from coaching_request where id = :id").param("id", request)
        .query(String.class).single();
  }

  /** Drives the relationship to its close; answers the user tasks completed. */
  public int toTheEnd(String id) {
    return until(id, task -> false);
  }

  /**
   * Drives the relationship until the next step is one that {@code stop} accepts (left open), or to its close;
   * answers the user tasks completed.
   */
  public int until(String id, Predicate<Task> stop) {
    int reviews = 0;
    int completed = 0;
    for (int round = 0; round < 200; round++) {
      List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).list();
      Task next = open.stream().filter(task -> STEPS.contains(task.getTaskDefinitionKey())).findFirst()
          .orElse(null);
      if (next == null) {
        if (!"CLOSED".equals(driver.relationship(id).get("STATUS"))) {
          throw new AssertionError(id + " waits on nothing and is not closed: " + driver.openTasks(id));
        }
        return completed;
      }
      if (stop.test(next)) {
        return completed;
      }
      String step = next.getTaskDefinitionKey();
      String who = next.getAssignee();
      switch (step) {
        case "Task_DraftContract" -> driver.completeTask(next.getId(), who, contract());
        case "Task_ClientSigns" -> driver.completeTask(next.getId(), who, Map.of("contractAnswer", "SIGN",
            "clientAcknowledgesConfidentiality", true, "clientAcknowledgesEthics", true));
        case "Task_CoachSigns" -> driver.completeTask(next.getId(), who, Map.of("contractAnswer", "SIGN"));
        case "Task_SponsorAgreesGoals" -> driver.completeTask(next.getId(), who, Map.of("contractAnswer", "AGREE"));
        case "Task_ArrangeSession" -> driver.completeTask(next.getId(), who, Map.of("plannedDate", tomorrow(),
            "plannedTime", "10:00"));
        case "Task_RecordSession" -> driver.completeTask(next.getId(), who, record());
        case "Task_CoachDecidesGo", "Task_ClientDecidesGo" -> driver.completeTask(next.getId(), who,
            Map.of("goOn", "YES"));
        case "Task_CoachReviews", "Task_ClientReviews" -> {
          driver.completeTask(next.getId(), who, Map.of("reviewDecision", reviews < 2 ? "CONTINUE" : "CONCLUDE"));
          reviews++;
        }
        case "Task_Evaluate" -> driver.completeTask(next.getId(), who, driver.evaluationAnswers(
            (String) engine.getTaskService().getVariable(next.getId(), "questionnaire")));
        default -> throw new AssertionError(step);
      }
      completed++;
    }
    throw new AssertionError(id + " did not close: " + driver.openTasks(id));
  }

  private String today() {
    return LocalDate.ofInstant(driver.now(), LifecycleDriver.LONDON).toString();
  }

  private String tomorrow() {
    return LocalDate.ofInstant(driver.now(), LifecycleDriver.LONDON).plusDays(1).toString();
  }

  private Map<String, Object> contract() {
    Map<String, Object> contract = driver.contract();
    contract.put("goals", LifecycleDriver.goals(
        LifecycleDriver.goal("Lead the new team with confidence", "The team runs its own stand-ups", true),
        LifecycleDriver.goal("Delegate more", "Two projects handed over by June", false),
        LifecycleDriver.goal("Hold steadier one-to-ones", "Every one-to-one held", false)));
    return contract;
  }

  private Map<String, Object> record() {
    Map<String, Object> values = new HashMap<>();
    values.put("heldOn", today());
    values.put("startTime", "09:00");
    values.put("endTime", "10:30");
    values.put("sessionFormat", "VIRTUAL");
    values.put("location", "Teams");
    values.put("nextSessionDate", tomorrow());
    values.put("nextSessionTime", "10:00");
    return values;
  }
}
