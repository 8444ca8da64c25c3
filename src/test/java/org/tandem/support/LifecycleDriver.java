package org.tandem.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives relationships through their models as the people do in Tasklist: each step finds the person's task and
 * submits the values its Camunda Form would submit (strings for dates and times, numbers, booleans, Json for lists),
 * logged in as that person. Time moves with the engine's clock; due timers run on request.
 */
public final class LifecycleDriver {

  /** Monday 2 March 2026, 09:00 in London (GMT). */
  public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  public static final String COORDINATOR = "cora";
  public static final String ASSESSOR = "ada";
  public static final String COACH = "colin";
  public static final String OTHER_COACH = "chloe";
  public static final String CLIENT = "clara";
  public static final String OTHER_CLIENT = "carl";
  public static final String SPONSOR = "sam";

  private final ProcessEngine engine;
  private final JdbcClient jdbc;

  public LifecycleDriver(ProcessEngine engine, JdbcClient jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  public ProcessEngine engine() {
    return engine;
  }

  // ---- time ----

  public void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public void advance(Duration duration) {
    clockAt(now().plus(duration));
  }

  public static void resetClock() {
    ClockUtil.reset();
  }

  /** Runs every timer and async job of the relationship's processes that is due now; answers how many ran. */
  public int runDueJobs(String relationshipId) {
    int ran = 0;
    boolean more = true;
    while (more) {
      more = false;
      for (ProcessInstance instance : instances(relationshipId)) {
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).list()) {
          if (job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime())) {
            engine.getManagementService().executeJob(job.getId());
            ran++;
            more = true;
          }
        }
      }
    }
    return ran;
  }

  // ---- people ----

  /**
   * A person of their own for one test: a user whose id starts with the given name, with the demo password and an
   * email address, in one group; answers their id.
   */
  public String newPerson(String name, String group) {
    String id = name + java.util.UUID.randomUUID().toString().substring(0, 8);
    var user = engine.getIdentityService().newUser(id);
    user.setFirstName(name.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + name.substring(1));
    user.setLastName("Tester");
    user.setEmail(id + "@example.org");
    user.setPassword("demo");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(id, group);
    return id;
  }

  // ---- finding things ----

  public List<ProcessInstance> instances(String relationshipId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(relationshipId).list();
  }

  public ProcessInstance instance(String relationshipId, String processKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(relationshipId)
        .processDefinitionKey(processKey).singleResult();
  }

  public String relationshipProcessInstanceId(String relationshipId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(relationshipId)
        .processDefinitionKey("relationship").singleResult().getId();
  }

  public List<Task> tasks(String relationshipId) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(relationshipId).list();
  }

  /** The open tasks of a relationship as "taskKey@assignee", sorted. */
  public List<String> openTasks(String relationshipId) {
    return tasks(relationshipId).stream().map(task -> task.getTaskDefinitionKey() + "@" + task.getAssignee())
        .sorted().toList();
  }

  public Task task(String relationshipId, String taskKey) {
    List<Task> found = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(relationshipId)
        .taskDefinitionKey(taskKey).list();
    if (found.size() != 1) {
      throw new AssertionError("Expected one open " + taskKey + " in " + relationshipId + " but found "
          + found.size() + "; open: " + openTasks(relationshipId));
    }
    return found.get(0);
  }

  public boolean hasTask(String relationshipId, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(relationshipId)
        .taskDefinitionKey(taskKey).count() > 0;
  }

  // ---- doing things, as the person ----

  /**
   * Submits a task's form as its assignee, the way Tasklist does. Every value must belong to a field of the form
   * deployed for the task: the tests speak the forms' language, not the code's.
   */
  public void complete(String relationshipId, String taskKey, String user, Map<String, Object> values) {
    Task task = task(relationshipId, taskKey);
    if (!user.equals(task.getAssignee())) {
      throw new AssertionError(taskKey + " is assigned to " + task.getAssignee() + ", not " + user);
    }
    as(user, () -> {
      requireFormFields(taskKey, FormKeys.of(engine.getFormService().getDeployedTaskForm(task.getId())), values);
      engine.getFormService().submitTaskForm(task.getId(), values);
    });
  }

  /** Submits the form of a task found by id, as its assignee, with the same check of the form's fields. */
  public void completeTask(String taskId, String user, Map<String, Object> values) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (!user.equals(task.getAssignee())) {
      throw new AssertionError(task.getTaskDefinitionKey() + " is assigned to " + task.getAssignee() + ", not " + user);
    }
    as(user, () -> {
      requireFormFields(task.getTaskDefinitionKey(), FormKeys.of(engine.getFormService().getDeployedTaskForm(taskId)),
          values);
      engine.getFormService().submitTaskForm(taskId, values);
    });
  }

  private static void requireFormFields(String where, java.util.Set<String> fields, Map<String, Object> values) {
    List<String> unknown = values.keySet().stream().filter(key -> !fields.contains(key)).toList();
    if (!unknown.isEmpty()) {
      throw new AssertionError("The form of " + where + " has no field " + unknown + "; its fields: " + fields);
    }
  }

  public void as(String user, Runnable work) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(group -> group.getId()).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      work.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /**
   * Starts a process from its start form as a user, the way Tasklist does, checking every value against the form's
   * fields; answers the business key the process gave itself.
   */
  public String startByForm(String processKey, String user, Map<String, Object> values) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult().getId();
    requireFormFields("the start form of " + processKey,
        FormKeys.of(engine.getFormService().getDeployedStartForm(definition)), values);
    String[] key = new String[1];
    as(user, () -> key[0] = engine.getFormService().submitStartForm(definition, values).getBusinessKey());
    return key[0];
  }

  /** A task offered to a group: the user claims it, then completes its form. */
  public void claimAndComplete(String businessKey, String taskKey, String user, Map<String, Object> values) {
    Task task = task(businessKey, taskKey);
    as(user, () -> engine.getTaskService().claim(task.getId(), user));
    complete(businessKey, taskKey, user, values);
  }

  /** A coordinator starts a relationship for a pair matched outside the system (MAT-4); answers its id. */
  public String start(String coach, String client, String sponsor, String kind) {
    Map<String, Object> values = new HashMap<>();
    values.put("kind", kind);
    values.put("coachId", coach);
    values.put("clientId", client);
    if (sponsor != null) {
      values.put("sponsorId", sponsor);
    }
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("relationship").latestVersion().singleResult().getId();
    String[] id = new String[1];
    requireFormFields("the start form", FormKeys.of(engine.getFormService().getDeployedStartForm(definition)), values);
    as(COORDINATOR, () -> id[0] = engine.getFormService().submitStartForm(definition, values).getBusinessKey());
    return id[0];
  }

  /** What the contract draft form submits: a complete, valid draft; callers change what they test. */
  public Map<String, Object> contract() {
    LocalDate today = LocalDate.ofInstant(now(), LONDON);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("startDate", today.toString());
    values.put("plannedEndDate", today.plusMonths(6).toString());
    values.put("sessionsAgreed", 4);
    values.put("frequency", "Every two weeks");
    values.put("plannedDates", "Tuesdays, 10:00");
    values.put("firstSessionDate", today.plusDays(1).toString());
    values.put("firstSessionTime", "10:00");
    values.put("sessionMinutes", 90);
    values.put("sessionFormat", "VIRTUAL");
    values.put("location", "Teams");
    values.put("camerasAgreed", true);
    values.put("goals", goals(goal("Lead the new team with confidence", "The team runs its own stand-ups", true),
        goal("Delegate more", "Two projects handed over by June", false)));
    values.put("whyChosen", "A new leadership role");
    values.put("organisationBenefits", "A steadier team");
    values.put("coachExpectations", "Honesty, and actions done between sessions");
    values.put("clientExpectations", "Challenge, not advice");
    values.put("noticeHours", 48);
    values.put("acknowledgesConfidentiality", true);
    values.put("acknowledgesEthics", true);
    values.put("recordKeepingAgreed", true);
    return values;
  }

  public static Map<String, Object> goal(String description, String success, boolean mostImportant) {
    Map<String, Object> goal = new LinkedHashMap<>();
    goal.put("description", description);
    goal.put("successMeasure", success);
    goal.put("mostImportant", mostImportant);
    return goal;
  }

  /** A dynamic list as Tasklist submits it: a Json variable. */
  @SafeVarargs
  public static Object goals(Map<String, Object>... goals) {
    return Spin.JSON(List.of(goals));
  }

  public void draftContract(String id, String coach, Map<String, Object> values) {
    complete(id, "Task_DraftContract", coach, values);
  }

  public void clientSigns(String id, String client) {
    complete(id, "Task_ClientSigns", client, Map.of("contractAnswer", "SIGN",
        "clientAcknowledgesConfidentiality", true, "clientAcknowledgesEthics", true));
  }

  public void sendBack(String id, String taskKey, String user, String comment) {
    complete(id, taskKey, user, Map.of("contractAnswer", "SEND_BACK", "contractComment", comment));
  }

  public void coachSigns(String id, String coach) {
    complete(id, "Task_CoachSigns", coach, Map.of("contractAnswer", "SIGN"));
  }

  public void sponsorAgrees(String id, String sponsor) {
    complete(id, "Task_SponsorAgreesGoals", sponsor, Map.of("contractAnswer", "AGREE"));
  }

  /** The coach drafts the contract, then the client and the coach sign it. */
  public void contractSigned(String id, String coach, String client, Map<String, Object> contract) {
    draftContract(id, coach, contract);
    clientSigns(id, client);
    coachSigns(id, coach);
  }

  /** A new relationship whose coach has drafted the contract: it waits for the client's signature. */
  public String drafted(String sponsor) {
    String id = start(COACH, CLIENT, sponsor, "COACHING");
    draftContract(id, COACH, contract());
    return id;
  }

  /** A new relationship whose contract the client and the coach have signed: with a sponsor, it waits for theirs. */
  public String signed(String sponsor) {
    String id = drafted(sponsor);
    clientSigns(id, CLIENT);
    coachSigns(id, COACH);
    return id;
  }

  /** A relationship whose contract both have signed (and the sponsor agreed): sessions can start. */
  public String inForce(String coach, String client, String sponsor, String kind, Map<String, Object> contract) {
    String id = start(coach, client, sponsor, kind);
    contractSigned(id, coach, client, contract);
    if (sponsor != null) {
      sponsorAgrees(id, sponsor);
    }
    return id;
  }

  public String inForce(String sponsor) {
    return inForce(COACH, CLIENT, sponsor, "COACHING", contract());
  }

  /** A relationship in force, without a sponsor, whose first session is held: the first-meeting decisions are due. */
  public String firstMeetingHeld() {
    String id = inForce(null);
    holdSession(id);
    return id;
  }

  /** A point in time as a row of the product's tables holds it (H2 and PostgreSQL answer different types). */
  public static Instant instant(Object column) {
    if (column instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (column instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    throw new IllegalArgumentException("Not a point in time: " + column);
  }

  /** The reminders the models' timers gave a person about a relationship ("Reminder: …"), by subject. */
  public List<String> reminders(String id, String recipient) {
    return jdbc.sql("select subject from notification where relationship_id = :id and recipient_id = :recipient "
            + "and subject like 'Reminder:%' order by id")
        .param("id", id).param("recipient", recipient).query(String.class).list();
  }

  /** The planned time of a session, from the product's records. */
  public Instant plannedAt(String id, int number) {
    return jdbc.sql("select planned_at from coaching_session where relationship_id = :id and number = :number")
        .param("id", id).param("number", number).query(java.sql.Timestamp.class).single().toInstant();
  }

  /**
   * The coach holds the next session: arranges it if no date was agreed, time moves to its end, and the coach
   * records it with the next session two weeks later.
   */
  public void holdSession(String id, String coach, Map<String, Object> extra) {
    int number = ((Number) engine.getRuntimeService().getVariable(instance(id, "session").getId(), "sessionNumber"))
        .intValue();
    if (hasTask(id, "Task_ArrangeSession")) {
      LocalDateTime at = LocalDateTime.ofInstant(now(), LONDON).plusDays(2).withHour(10).withMinute(0);
      complete(id, "Task_ArrangeSession", coach, Map.of("plannedDate", at.toLocalDate().toString(),
          "plannedTime", "10:00"));
    }
    Instant planned = plannedAt(id, number);
    if (now().isBefore(planned.plus(Duration.ofMinutes(95)))) {
      clockAt(planned.plus(Duration.ofMinutes(95)));
    }
    LocalDateTime local = LocalDateTime.ofInstant(planned, LONDON);
    LocalDateTime next = local.plusWeeks(2);
    Map<String, Object> values = new HashMap<>();
    values.put("heldOn", local.toLocalDate().toString());
    values.put("startTime", local.toLocalTime().toString());
    values.put("endTime", local.toLocalTime().plusMinutes(90).toString());
    values.put("sessionFormat", "VIRTUAL");
    values.put("location", "Teams");
    values.put("nextSessionDate", next.toLocalDate().toString());
    values.put("nextSessionTime", next.toLocalTime().toString());
    values.putAll(extra);
    complete(id, "Task_RecordSession", coach, values);
  }

  public void holdSession(String id) {
    holdSession(id, COACH, Map.of());
  }

  public void goOn(String id, String taskKey, String user, boolean goOn) {
    complete(id, taskKey, user, goOn ? Map.of("goOn", "YES")
        : Map.of("goOn", "NO", "stopReason", "NOT_MEETING_NEEDS"));
  }

  /** Both say yes after the first meeting. */
  public void bothGoOn(String id) {
    goOn(id, "Task_CoachDecidesGo", COACH, true);
    goOn(id, "Task_ClientDecidesGo", CLIENT, true);
  }

  public void review(String id, String taskKey, String user, String decision) {
    complete(id, taskKey, user, Map.of("reviewDecision", decision));
  }

  public void endEarly(String id, String taskKey, String user, String reason, String other) {
    Map<String, Object> values = new HashMap<>();
    values.put("endReason", reason);
    if (other != null) {
      values.put("endReasonOther", other);
    }
    values.put("endConfirmed", true);
    complete(id, taskKey, user, values);
  }

  /** Answers to every question of an evaluation's questionnaire, as its respondent submits them. */
  public static Map<String, Object> evaluationAnswers(String questionnaire) {
    Map<String, Object> answers = new HashMap<>();
    Object[] pairs = switch (questionnaire) {
      case "client-start" -> new Object[] {"privateHopes", "To lead calmly", "anonymousNeedClarity", "4",
          "anonymousConfidence", "3"};
      case "client-middle" -> new Object[] {"privateChange", "Steadier", "anonymousProgress", "3",
          "anonymousRelationship", "5"};
      case "coach-middle" -> new Object[] {"privateProgrammeNotes", "On track", "anonymousRelationship", "4",
          "anonymousEngagement", "5"};
      case "client-end" -> new Object[] {"privateGoalsAchieved", "Most", "privateDifference", "Calmer",
          "privateOrganisationImpact", "A steadier team", "privateSponsorPerspective", "Pleased",
          "privateSessionsWhereOther", "Online", "privateExperience", "Good", "privateCoachFeedback", "Thank you",
          "anonymousReviewedWithSponsor", "YES", "anonymousSessionsHad", 8, "anonymousSessionsWhere", "OTHER",
          "anonymousOverall", "5"};
      case "coach-end" -> new Object[] {"privateWentWell", "Honesty", "privateLearnt", "Patience",
          "anonymousGoalsMet", "4"};
      case "sponsor-end" -> new Object[] {"privateOutcomesPerspective", "Visible change", "privateOngoingSupport",
          "Peer group", "anonymousProgressSeen", "4", "anonymousWorthwhile", "5"};
      default -> throw new AssertionError("No answers for the questionnaire " + questionnaire);
    };
    for (int i = 0; i < pairs.length; i += 2) {
      answers.put((String) pairs[i], pairs[i + 1]);
    }
    return answers;
  }

  // ---- reading the records ----

  public Map<String, Object> relationship(String id) {
    return upperCase(jdbc.sql("select * from relationship where id = :id").param("id", id).query().singleRow());
  }

  /** The confidential records of a relationship as one of its people reads them (the read is logged, DP-6). */
  public List<org.tandem.confidential.ConfidentialRecords.Entry> records(org.tandem.confidential.ConfidentialRecords records,
      String id, String reader) {
    Map<String, Object> relationship = relationship(id);
    return records.read(new org.tandem.confidential.ConfidentialRecords.Pair(id, (String) relationship.get("COACH_ID"),
        (String) relationship.get("CLIENT_ID")), reader);
  }

  /** Rows of the product's tables, their column names in upper case whichever database answers. */
  public List<Map<String, Object>> rows(String sql, String id) {
    return new ArrayList<>(jdbc.sql(sql).param("id", id).query().listOfRows().stream()
        .map(LifecycleDriver::upperCase).toList());
  }

  private static Map<String, Object> upperCase(Map<String, Object> row) {
    Map<String, Object> upper = new LinkedHashMap<>();
    row.forEach((column, value) -> upper.put(column.toUpperCase(java.util.Locale.ROOT), value));
    return upper;
  }

  public List<String> evaluationsInvited(String id) {
    return jdbc.sql("""
            select respondent_role || '_' || stage || '@' || respondent_id from evaluation
            where relationship_id = :id order by id""")
        .param("id", id).query(String.class).list();
  }
}
