package org.tandem.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tandem.common.InvalidInputException;
import org.tandem.identity.Roles;

/**
 * What each caller may change through engine REST; reading is the engine's authorizations' business.
 *
 * <ul>
 *   <li>Everyone: claim a task for themselves, hand back a group's task they hold, complete their own task with
 *   exactly the fields of its form, start a process with exactly the fields of its start form, edit their own profile
 *   and password, and query.</li>
 *   <li>Administrators besides: the rest of the engine (deployments, users, groups, authorizations, filters, jobs,
 *   incidents, batches, history, suspension, messages), as long as no variable comes with it.</li>
 *   <li>No one: write variables other than through a form, assign, delegate or offer a task outside its model (a
 *   coordinator hands a task over through the product's API, with a reason), edit or create tasks of a model, or
 *   restart a process.</li>
 * </ul>
 * Every write not listed here is refused, so an operation the engine adds is closed until it is placed.
 */
final class EngineRestRules {

  /** How a write is treated. */
  enum Kind {
    QUERY, CLAIM, UNCLAIM, COMPLETE, START, PROFILE, CREDENTIALS, ADMIN, ADMIN_WITHOUT_VARIABLES, STANDALONE_TASK,
    VARIABLES, ASSIGNMENT, MODEL_TASK, RESTART;

    boolean needsBody() {
      return this == CLAIM || this == COMPLETE || this == START || this == PROFILE
          || this == ADMIN_WITHOUT_VARIABLES || this == STANDALONE_TASK;
    }
  }

  /** One write of engine REST: its method, its path with {@code *} for ids, and how it is treated. */
  record Route(String method, String path, Kind kind) {
  }

  /** Who is calling: their user id and groups, as engine REST's authentication or the webapps' login says. */
  record Caller(String id, Set<String> groups) {
    boolean admin() {
      return groups.contains(Roles.ADMINS);
    }
  }

  static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /** Fields of a request body that carry variables into the engine. */
  static final Set<String> VARIABLE_FIELDS = Set.of("variables", "localVariables", "processVariables",
      "processVariablesLocal", "processVariablesToTriggeredScope", "modifications", "deletions");

  /** Fields of a start that only an engine operator would set; a person starts at the model's start event. */
  static final List<String> START_OPTIONS = List.of("businessKey", "caseInstanceId", "startInstructions",
      "skipCustomListeners", "skipIoMappings", "withVariablesInReturn");

  /** Fields tying a new task into a model's instance. */
  static final List<String> MODEL_TIES = List.of("processInstanceId", "processDefinitionId", "executionId",
      "caseInstanceId", "caseExecutionId", "caseDefinitionId", "parentTaskId", "taskDefinitionKey");

  static final String VARIABLES_ONLY_THROUGH_FORMS =
      "Variables change only through the forms of their tasks; this operation would change them directly.";
  static final String ASSIGNED_BY_THE_MODEL = "A task goes to the people its model names. A coordinator hands a "
      + "task over with POST /api/tasks/{id}/assignee, giving the reason.";

  static final List<Route> ROUTES = routes();

  private final DeployedForms forms;

  EngineRestRules(DeployedForms forms) {
    this.forms = forms;
  }

  /** The route of a write, or empty when engine REST offers no such write. */
  static Optional<Route> route(String method, EngineRestPath path) {
    return ROUTES.stream().filter(route -> route.method().equals(method) && path.is(route.path())).findFirst();
  }

  /** Refuses the write unless the caller may make it; the body is the request's JSON where the route needs it. */
  void check(Caller caller, Route route, EngineRestPath path, JsonNode body) {
    switch (route.kind()) {
      case QUERY -> { }
      case CLAIM -> claim(caller, body);
      case UNCLAIM -> unclaim(caller, path.at(1));
      case COMPLETE -> complete(caller, path.at(1), body);
      case START -> start(path, body);
      case PROFILE -> profile(caller, path.at(1), body);
      case CREDENTIALS -> self(caller, path.at(1), "Only you can change your password.");
      case ADMIN -> admin(caller);
      case ADMIN_WITHOUT_VARIABLES -> {
        admin(caller);
        noVariables(body);
      }
      case STANDALONE_TASK -> {
        admin(caller);
        for (String tie : MODEL_TIES) {
          if (body != null && body.hasNonNull(tie)) {
            throw Refusal.badRequest(tie, "Tasks of a model come from the model; a task of one's own cannot "
                + "name '" + tie + "'.");
          }
        }
      }
      case VARIABLES -> throw Refusal.forbidden(VARIABLES_ONLY_THROUGH_FORMS);
      case ASSIGNMENT -> throw Refusal.forbidden(ASSIGNED_BY_THE_MODEL);
      case MODEL_TASK -> throw Refusal.forbidden("A task of a model changes only as its model says: complete it "
          + "with its form.");
      case RESTART -> throw Refusal.forbidden("A process is not restarted with its old variables; start a new one.");
    }
  }

  private static void admin(Caller caller) {
    if (!caller.admin()) {
      throw Refusal.forbidden("You are not allowed to do this.");
    }
  }

  private static void self(Caller caller, String userId, String refusal) {
    if (!caller.admin() && !caller.id().equals(userId)) {
      throw Refusal.forbidden(refusal);
    }
  }

  private static void claim(Caller caller, JsonNode body) {
    String userId = body == null ? null : text(body.get("userId"));
    if (!caller.id().equals(userId)) {
      throw Refusal.forbidden("You can claim a task only for yourself.");
    }
  }

  private void unclaim(Caller caller, String taskId) {
    Optional<DeployedForms.OpenTask> task = forms.task(taskId);
    if (task.isEmpty()) {
      return;
    }
    if (!caller.id().equals(task.get().assignee())) {
      throw Refusal.forbidden("Only the person who holds a task can hand it back. " + ASSIGNED_BY_THE_MODEL);
    }
    if (!forms.offeredToGroups(taskId)) {
      throw Refusal.forbidden("This task is yours by its model and cannot be handed back.");
    }
  }

  private void complete(Caller caller, String taskId, JsonNode body) {
    Optional<DeployedForms.OpenTask> found = forms.task(taskId);
    if (found.isEmpty()) {
      return;
    }
    DeployedForms.OpenTask task = found.get();
    if (task.assignee() == null) {
      throw Refusal.conflict("Claim this task before you complete it.");
    }
    if (!task.assignee().equals(caller.id())) {
      throw Refusal.forbidden("Only the person this task is assigned to can complete it.");
    }
    if (body != null && body.path("withVariablesInReturn").asBoolean(false)) {
      throw Refusal.badRequest("withVariablesInReturn", "Completing a task does not answer its variables.");
    }
    checkForm(task.form(), body, valuesKey -> forms.offered(taskId, valuesKey));
  }

  private void start(EngineRestPath path, JsonNode body) {
    if (body != null) {
      for (String option : START_OPTIONS) {
        JsonNode value = body.get(option);
        if (value != null && !value.isNull() && !(value.isBoolean() && !value.asBoolean())
            && !(value.isTextual() && value.asText().isEmpty()) && !(value.isArray() && value.isEmpty())) {
          throw Refusal.badRequest(option, "A process starts at its start event, as its model says; '" + option
              + "' cannot be given.");
        }
      }
    }
    Optional<FormSchema> form = path.at(1).equals("key")
        ? forms.startForm(null, path.at(2), path.segments().size() == 6 ? path.at(4) : null)
        : forms.startForm(path.at(1), null, null);
    if (form.isPresent()) {
      checkForm(form.get(), body, valuesKey -> Set.of());
    }
  }

  private static void checkForm(FormSchema form, JsonNode body, java.util.function.Function<String, Set<String>>
      offered) {
    try {
      form.check(body == null ? null : body.get("variables"), offered);
    } catch (InvalidInputException e) {
      throw Refusal.badRequest(e.field(), e.getMessage());
    }
  }

  private static void profile(Caller caller, String userId, JsonNode body) {
    self(caller, userId, "Only you can change your profile.");
    String id = body == null ? null : text(body.get("id"));
    if (id != null && !id.equals(userId)) {
      throw Refusal.badRequest("id", "A profile keeps its user id.");
    }
  }

  private static void noVariables(JsonNode body) {
    if (body == null) {
      return;
    }
    if (body.isObject()) {
      for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
        JsonNode value = field.getValue();
        if (VARIABLE_FIELDS.contains(field.getKey()) && !value.isNull() && !value.isEmpty()) {
          throw Refusal.forbidden(VARIABLES_ONLY_THROUGH_FORMS);
        }
        noVariables(value);
      }
    } else if (body.isArray()) {
      body.forEach(EngineRestRules::noVariables);
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static List<Route> routes() {
    return List.of(
        // reading through POST
        new Route("POST", "execution", Kind.QUERY),
        new Route("POST", "execution/count", Kind.QUERY),
        new Route("POST", "external-task", Kind.QUERY),
        new Route("POST", "external-task/count", Kind.QUERY),
        new Route("POST", "filter/*/count", Kind.QUERY),
        new Route("POST", "filter/*/list", Kind.QUERY),
        new Route("POST", "filter/*/singleResult", Kind.QUERY),
        new Route("POST", "group", Kind.QUERY),
        new Route("POST", "group/count", Kind.QUERY),
        new Route("POST", "history/activity-instance", Kind.QUERY),
        new Route("POST", "history/activity-instance/count", Kind.QUERY),
        new Route("POST", "history/detail", Kind.QUERY),
        new Route("POST", "history/external-task-log", Kind.QUERY),
        new Route("POST", "history/external-task-log/count", Kind.QUERY),
        new Route("POST", "history/job-log", Kind.QUERY),
        new Route("POST", "history/job-log/count", Kind.QUERY),
        new Route("POST", "history/process-instance", Kind.QUERY),
        new Route("POST", "history/process-instance/count", Kind.QUERY),
        new Route("POST", "history/task", Kind.QUERY),
        new Route("POST", "history/task/count", Kind.QUERY),
        new Route("POST", "history/variable-instance", Kind.QUERY),
        new Route("POST", "history/variable-instance/count", Kind.QUERY),
        new Route("POST", "identity/password-policy", Kind.QUERY),
        new Route("POST", "job", Kind.QUERY),
        new Route("POST", "job/count", Kind.QUERY),
        new Route("POST", "job-definition", Kind.QUERY),
        new Route("POST", "job-definition/count", Kind.QUERY),
        new Route("POST", "process-instance", Kind.QUERY),
        new Route("POST", "process-instance/count", Kind.QUERY),
        new Route("POST", "task", Kind.QUERY),
        new Route("POST", "task/count", Kind.QUERY),
        new Route("POST", "variable-instance", Kind.QUERY),
        new Route("POST", "variable-instance/count", Kind.QUERY),

        // everyone's own work
        new Route("POST", "task/*/claim", Kind.CLAIM),
        new Route("POST", "task/*/unclaim", Kind.UNCLAIM),
        new Route("POST", "task/*/complete", Kind.COMPLETE),
        new Route("POST", "task/*/submit-form", Kind.COMPLETE),
        new Route("POST", "process-definition/*/start", Kind.START),
        new Route("POST", "process-definition/*/submit-form", Kind.START),
        new Route("POST", "process-definition/key/*/start", Kind.START),
        new Route("POST", "process-definition/key/*/submit-form", Kind.START),
        new Route("POST", "process-definition/key/*/tenant-id/*/start", Kind.START),
        new Route("POST", "process-definition/key/*/tenant-id/*/submit-form", Kind.START),
        new Route("PUT", "user/*/profile", Kind.PROFILE),
        new Route("PUT", "user/*/credentials", Kind.CREDENTIALS),

        // no one: variables other than through a form
        new Route("POST", "task/*/variables", Kind.VARIABLES),
        new Route("PUT", "task/*/variables/*", Kind.VARIABLES),
        new Route("DELETE", "task/*/variables/*", Kind.VARIABLES),
        new Route("POST", "task/*/variables/*/data", Kind.VARIABLES),
        new Route("POST", "task/*/localVariables", Kind.VARIABLES),
        new Route("PUT", "task/*/localVariables/*", Kind.VARIABLES),
        new Route("DELETE", "task/*/localVariables/*", Kind.VARIABLES),
        new Route("POST", "task/*/localVariables/*/data", Kind.VARIABLES),
        new Route("POST", "task/*/resolve", Kind.VARIABLES),
        new Route("POST", "process-instance/*/variables", Kind.VARIABLES),
        new Route("PUT", "process-instance/*/variables/*", Kind.VARIABLES),
        new Route("DELETE", "process-instance/*/variables/*", Kind.VARIABLES),
        new Route("POST", "process-instance/*/variables/*/data", Kind.VARIABLES),
        new Route("POST", "process-instance/variables-async", Kind.VARIABLES),
        new Route("POST", "execution/*/localVariables", Kind.VARIABLES),
        new Route("PUT", "execution/*/localVariables/*", Kind.VARIABLES),
        new Route("DELETE", "execution/*/localVariables/*", Kind.VARIABLES),
        new Route("POST", "execution/*/localVariables/*/data", Kind.VARIABLES),
        // no one: a task outside its model
        new Route("POST", "task/*/assignee", Kind.ASSIGNMENT),
        new Route("POST", "task/*/delegate", Kind.ASSIGNMENT),
        new Route("POST", "task/*/identity-links", Kind.ASSIGNMENT),
        new Route("POST", "task/*/identity-links/delete", Kind.ASSIGNMENT),
        new Route("PUT", "task/*", Kind.MODEL_TASK),
        new Route("POST", "process-definition/*/restart", Kind.RESTART),
        new Route("POST", "process-definition/*/restart-async", Kind.RESTART),

        // administrators, without variables
        new Route("POST", "task/create", Kind.STANDALONE_TASK),
        new Route("POST", "task/*/bpmnError", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "task/*/bpmnEscalation", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "message", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "signal", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "condition", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "execution/*/signal", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "execution/*/messageSubscriptions/*/trigger", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "process-instance/message-async", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "process-instance/*/modification", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "process-instance/*/modification-async", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "modification/execute", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "modification/executeAsync", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "migration/execute", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "migration/executeAsync", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "migration/generate", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "migration/validate", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "external-task/fetchAndLock", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "external-task/*/complete", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "external-task/*/failure", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "external-task/*/bpmnError", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "decision-definition/*/evaluate", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "decision-definition/key/*/evaluate", Kind.ADMIN_WITHOUT_VARIABLES),
        new Route("POST", "decision-definition/key/*/tenant-id/*/evaluate", Kind.ADMIN_WITHOUT_VARIABLES),

        // administrators
        new Route("POST", "authorization/create", Kind.ADMIN),
        new Route("PUT", "authorization/*", Kind.ADMIN),
        new Route("DELETE", "authorization/*", Kind.ADMIN),
        new Route("DELETE", "batch/*", Kind.ADMIN),
        new Route("PUT", "batch/*/suspended", Kind.ADMIN),
        new Route("PUT", "decision-definition/*/history-time-to-live", Kind.ADMIN),
        new Route("PUT", "decision-definition/key/*/history-time-to-live", Kind.ADMIN),
        new Route("PUT", "decision-definition/key/*/tenant-id/*/history-time-to-live", Kind.ADMIN),
        new Route("POST", "deployment/create", Kind.ADMIN),
        new Route("DELETE", "deployment/*", Kind.ADMIN),
        new Route("POST", "deployment/*/redeploy", Kind.ADMIN),
        new Route("POST", "execution/*/create-incident", Kind.ADMIN),
        new Route("PUT", "external-task/retries", Kind.ADMIN),
        new Route("POST", "external-task/retries-async", Kind.ADMIN),
        new Route("POST", "external-task/*/extendLock", Kind.ADMIN),
        new Route("POST", "external-task/*/lock", Kind.ADMIN),
        new Route("PUT", "external-task/*/priority", Kind.ADMIN),
        new Route("PUT", "external-task/*/retries", Kind.ADMIN),
        new Route("POST", "external-task/*/unlock", Kind.ADMIN),
        new Route("POST", "filter/create", Kind.ADMIN),
        new Route("PUT", "filter/*", Kind.ADMIN),
        new Route("DELETE", "filter/*", Kind.ADMIN),
        new Route("POST", "group/create", Kind.ADMIN),
        new Route("PUT", "group/*", Kind.ADMIN),
        new Route("DELETE", "group/*", Kind.ADMIN),
        new Route("PUT", "group/*/members/*", Kind.ADMIN),
        new Route("DELETE", "group/*/members/*", Kind.ADMIN),
        new Route("POST", "history/batch/set-removal-time", Kind.ADMIN),
        new Route("DELETE", "history/batch/*", Kind.ADMIN),
        new Route("POST", "history/cleanup", Kind.ADMIN),
        new Route("POST", "history/decision-instance/delete", Kind.ADMIN),
        new Route("POST", "history/decision-instance/set-removal-time", Kind.ADMIN),
        new Route("POST", "history/process-instance/delete", Kind.ADMIN),
        new Route("POST", "history/process-instance/set-removal-time", Kind.ADMIN),
        new Route("DELETE", "history/process-instance/*", Kind.ADMIN),
        new Route("DELETE", "history/process-instance/*/variable-instances", Kind.ADMIN),
        new Route("PUT", "history/user-operation/*/clear-annotation", Kind.ADMIN),
        new Route("PUT", "history/user-operation/*/set-annotation", Kind.ADMIN),
        new Route("DELETE", "history/variable-instance/*", Kind.ADMIN),
        new Route("POST", "identity/verify", Kind.ADMIN),
        new Route("DELETE", "incident/*", Kind.ADMIN),
        new Route("PUT", "incident/*/annotation", Kind.ADMIN),
        new Route("DELETE", "incident/*/annotation", Kind.ADMIN),
        new Route("PUT", "job-definition/suspended", Kind.ADMIN),
        new Route("PUT", "job-definition/*/jobPriority", Kind.ADMIN),
        new Route("PUT", "job-definition/*/retries", Kind.ADMIN),
        new Route("PUT", "job-definition/*/suspended", Kind.ADMIN),
        new Route("POST", "job/retries", Kind.ADMIN),
        new Route("PUT", "job/suspended", Kind.ADMIN),
        new Route("DELETE", "job/*", Kind.ADMIN),
        new Route("PUT", "job/*/duedate", Kind.ADMIN),
        new Route("POST", "job/*/duedate/recalculate", Kind.ADMIN),
        new Route("POST", "job/*/execute", Kind.ADMIN),
        new Route("PUT", "job/*/priority", Kind.ADMIN),
        new Route("PUT", "job/*/retries", Kind.ADMIN),
        new Route("PUT", "job/*/suspended", Kind.ADMIN),
        new Route("DELETE", "metrics/task-worker", Kind.ADMIN),
        new Route("DELETE", "process-definition/key/*", Kind.ADMIN),
        new Route("PUT", "process-definition/key/*/history-time-to-live", Kind.ADMIN),
        new Route("PUT", "process-definition/key/*/suspended", Kind.ADMIN),
        new Route("DELETE", "process-definition/key/*/tenant-id/*", Kind.ADMIN),
        new Route("PUT", "process-definition/key/*/tenant-id/*/history-time-to-live", Kind.ADMIN),
        new Route("PUT", "process-definition/key/*/tenant-id/*/suspended", Kind.ADMIN),
        new Route("PUT", "process-definition/suspended", Kind.ADMIN),
        new Route("DELETE", "process-definition/*", Kind.ADMIN),
        new Route("PUT", "process-definition/*/history-time-to-live", Kind.ADMIN),
        new Route("PUT", "process-definition/*/suspended", Kind.ADMIN),
        new Route("POST", "process-instance/delete", Kind.ADMIN),
        new Route("POST", "process-instance/delete-historic-query-based", Kind.ADMIN),
        new Route("POST", "process-instance/job-retries", Kind.ADMIN),
        new Route("POST", "process-instance/job-retries-historic-query-based", Kind.ADMIN),
        new Route("PUT", "process-instance/suspended", Kind.ADMIN),
        new Route("POST", "process-instance/suspended-async", Kind.ADMIN),
        new Route("DELETE", "process-instance/*", Kind.ADMIN),
        new Route("PUT", "process-instance/*/comment", Kind.ADMIN),
        new Route("DELETE", "process-instance/*/comment", Kind.ADMIN),
        new Route("DELETE", "process-instance/*/comment/*", Kind.ADMIN),
        new Route("PUT", "process-instance/*/suspended", Kind.ADMIN),
        new Route("POST", "schema/log", Kind.ADMIN),
        new Route("DELETE", "task/*", Kind.ADMIN),
        new Route("POST", "task/*/attachment/create", Kind.ADMIN),
        new Route("DELETE", "task/*/attachment/*", Kind.ADMIN),
        new Route("POST", "task/*/comment/create", Kind.ADMIN),
        new Route("PUT", "task/*/comment", Kind.ADMIN),
        new Route("DELETE", "task/*/comment", Kind.ADMIN),
        new Route("DELETE", "task/*/comment/*", Kind.ADMIN),
        new Route("POST", "telemetry/configuration", Kind.ADMIN),
        new Route("POST", "tenant/create", Kind.ADMIN),
        new Route("PUT", "tenant/*", Kind.ADMIN),
        new Route("DELETE", "tenant/*", Kind.ADMIN),
        new Route("PUT", "tenant/*/group-members/*", Kind.ADMIN),
        new Route("DELETE", "tenant/*/group-members/*", Kind.ADMIN),
        new Route("PUT", "tenant/*/user-members/*", Kind.ADMIN),
        new Route("DELETE", "tenant/*/user-members/*", Kind.ADMIN),
        new Route("POST", "user/create", Kind.ADMIN),
        new Route("DELETE", "user/*", Kind.ADMIN),
        new Route("POST", "user/*/unlock", Kind.ADMIN));
  }
}
