package org.tandem.support;

import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.OTHER_CLIENT;
import static org.tandem.support.LifecycleDriver.OTHER_COACH;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.tandem.identity.Roles;

/**
 * The people and relationships an attacker aims at, with the ids they would use: Colin coaches Clara with Sam as
 * sponsor, Chloe coaches Carl, and an application waits for the coordinators. {@link #fresh()} adds a relationship of
 * its own whose contract Colin is drafting. {@link #snapshot} reads everything an attack could change.
 */
public final class AccessWorld {

  public static final String BOUNDARY = "tandem-boundary";
  /** A goal of Chloe and Carl's contract: in their variables and their history, and nobody else's to read. */
  public static final String THEIR_SECRET = "Carl wants to lead the night shift";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  private final LifecycleDriver driver;
  private final ProcessEngine engine;
  private final Map<String, String> shared = new LinkedHashMap<>();
  private final List<String> theirMarkers = new ArrayList<>();

  public AccessWorld(LifecycleDriver driver) {
    this.driver = driver;
    this.engine = driver.engine();
  }

  /** The ids of one world: every placeholder a request may name in braces. */
  public record Ids(Map<String, String> values, List<String> theirMarkers) {

    public String get(String name) {
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("No id '" + name + "' in " + values.keySet());
      }
      return value;
    }

    /** Replaces each {@code {name}} by its id; a JSON body's own braces are left alone. */
    public String resolve(String text) {
      Matcher matcher = PLACEHOLDER.matcher(text);
      StringBuilder resolved = new StringBuilder();
      while (matcher.find()) {
        matcher.appendReplacement(resolved, Matcher.quoteReplacement(get(matcher.group(1))));
      }
      matcher.appendTail(resolved);
      return resolved.toString();
    }
  }

  /** Builds the relationships every attack shares. */
  public void shared() {
    String ours = driver.inForce(SPONSOR);
    driver.holdSession(ours, COACH, Map.of("confidentialKeyPoints", "Said in the session"));
    Map<String, Object> theirContract = driver.contract();
    theirContract.put("goals", LifecycleDriver.goals(LifecycleDriver.goal(THEIR_SECRET, "Three nights led", true)));
    String theirs = driver.inForce(OTHER_COACH, OTHER_CLIENT, null, "COACHING", theirContract);
    driver.holdSession(theirs, OTHER_COACH, Map.of("confidentialKeyPoints", "Carl's own matters"));
    String applicant = application();

    Task theirTask = driver.task(theirs, "Task_CoachEndsEarly");
    shared.put("ours", ours);
    shared.put("ourTask", driver.task(ours, "Task_CoachEndsEarly").getId());
    shared.put("theirKey", theirs);
    shared.put("theirTask", theirTask.getId());
    shared.put("theirInstance", theirTask.getProcessInstanceId());
    shared.put("theirExecution", theirTask.getExecutionId());
    shared.put("theirJob", theirJob(theirs).getId());
    shared.put("applicant", applicant);
    shared.put("groupTask", driver.task(applicant, "Task_ApproveApplication").getId());
    shared.put("deployment", engine.getRepositoryService().createDeploymentQuery().list().get(0).getId());
    shared.put("filter", engine.getFilterService().createFilterQuery().filterName("My tasks").singleResult().getId());
    shared.put("anAuthorization", engine.getAuthorizationService().createAuthorizationQuery()
        .groupIdIn(Roles.CLIENTS).list().get(0).getId());
    shared.put("relationshipDefinition", engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("relationship").latestVersion().singleResult().getId());

    String theirContracting = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(theirs).processDefinitionKey("contracting").list().get(0).getId();
    shared.put("theirContracting", theirContracting);
    shared.put("theirHistoricVariable", engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(theirContracting).variableName("goals").list().get(0).getId());
    shared.put("theirHistoricDetail", engine.getHistoryService().createHistoricDetailQuery()
        .processInstanceId(theirContracting).list().get(0).getId());
    shared.put("theirOperation", engine.getHistoryService().createUserOperationLogQuery()
        .processInstanceId(theirTask.getProcessInstanceId()).list().stream().findFirst()
        .or(() -> engine.getHistoryService().createUserOperationLogQuery().processInstanceId(theirContracting).list()
            .stream().findFirst())
        .map(entry -> entry.getOperationId()).orElse("none"));

    theirMarkers.add(theirs);
    engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(theirs).list()
        .forEach(instance -> theirMarkers.add(instance.getId()));
    driver.tasks(theirs).forEach(task -> theirMarkers.add(task.getId()));
  }

  public List<String> sharedKeys() {
    return List.of(shared.get("ours"), shared.get("theirKey"), shared.get("applicant"));
  }

  public Ids sharedIds() {
    return new Ids(Map.copyOf(shared), List.copyOf(theirMarkers));
  }

  /** A relationship of its own, whose contract Colin is drafting with Clara, Sam sponsoring. */
  public Ids fresh() {
    String id = driver.start(COACH, CLIENT, SPONSOR, "COACHING");
    Task draft = driver.task(id, "Task_DraftContract");
    Map<String, String> values = new HashMap<>(shared);
    values.put("relationship", id);
    values.put("draft", draft.getId());
    values.put("draftExecution", draft.getExecutionId());
    values.put("contracting", draft.getProcessInstanceId());
    values.put("relationshipInstance", driver.instance(id, "relationship").getId());
    String applicant = application();
    values.put("freshApplicant", applicant);
    values.put("groupTask", driver.task(applicant, "Task_ApproveApplication").getId());
    values.put("victim", driver.newPerson("dee", Roles.CLIENTS));
    values.put("bystander", driver.newPerson("bo", Roles.CLIENTS));
    return new Ids(values, List.copyOf(theirMarkers));
  }

  /**
   * Everything about the processes of these business keys that an attack could change: every variable, every open
   * task with its assignee, owner, candidates, comments and attachments, where each instance waits, and which
   * instances ever ran.
   */
  public Map<String, String> snapshot(List<String> businessKeys) {
    Map<String, String> state = new TreeMap<>();
    for (String key : businessKeys) {
      for (HistoricProcessInstance past : engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(key).list()) {
        state.put(key + " ran " + past.getProcessDefinitionKey() + " " + past.getId(), String.valueOf(past.getState()));
      }
      for (ProcessInstance instance : driver.instances(key)) {
        String prefix = key + " " + instance.getProcessDefinitionId().split(":")[0] + " ";
        state.put(prefix + "waits at", String.valueOf(engine.getRuntimeService().getActiveActivityIds(instance.getId())));
        state.put(prefix + "suspended", String.valueOf(instance.isSuspended()));
        engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId()).list()
            .forEach(variable -> state.put(prefix + "variable " + variable.getName() + "@" + variable.getActivityInstanceId(),
                variable.getTypeName() + ":" + variable.getValue()));
        state.put(prefix + "comments", String.valueOf(engine.getTaskService().getProcessInstanceComments(instance.getId())
            .size()));
      }
      for (Task task : driver.tasks(key)) {
        String prefix = key + " task " + task.getTaskDefinitionKey() + " ";
        state.put(prefix + "assignee", String.valueOf(task.getAssignee()));
        state.put(prefix + "owner", String.valueOf(task.getOwner()));
        state.put(prefix + "name", task.getName());
        List<String> links = new ArrayList<>();
        for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
          links.add(link.getType() + ":" + link.getUserId() + ":" + link.getGroupId());
        }
        links.sort(null);
        state.put(prefix + "identity links", links.toString());
        state.put(prefix + "comments", String.valueOf(engine.getTaskService().getTaskComments(task.getId()).size()));
        state.put(prefix + "attachments",
            String.valueOf(engine.getTaskService().getTaskAttachments(task.getId()).size()));
      }
    }
    return state;
  }

  /** A multipart body with one small text file, as a form upload sends it. */
  public static byte[] multipart(String field, String fileName) {
    String body = "--" + BOUNDARY + "\r\n"
        + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: text/plain\r\n\r\n"
        + "what was said\r\n"
        + "--" + BOUNDARY + "--\r\n";
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private Job theirJob(String theirs) {
    for (ProcessInstance instance : driver.instances(theirs)) {
      List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).list();
      if (!jobs.isEmpty()) {
        return jobs.get(0);
      }
    }
    throw new IllegalStateException("No timer waits in " + theirs);
  }

  /** Someone applies to the register as a coach with ILM Level 5: an approval waits for the coordinators. */
  private String application() {
    String id = driver.newPerson("applicant", Roles.CLIENTS);
    Map<String, Object> form = new HashMap<>();
    form.put("consent", true);
    form.put("firstName", "Appli");
    form.put("lastName", "Cant");
    form.put("email", id + "@example.org");
    form.put("organisation", "Sandwell Trust");
    form.put("asCoach", true);
    form.put("asMentor", false);
    form.put("qualification", "ILM_LEVEL_5");
    form.put("specialisms", Spin.JSON(List.of("LEADERSHIP")));
    form.put("formats", Spin.JSON(List.of("VIRTUAL")));
    form.put("locations", "Dudley");
    form.put("capacity", 2);
    return driver.startByForm("coach-registration", id, form);
  }
}
