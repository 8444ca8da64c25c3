package org.tandem.relationship;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tandem.common.ApiProblem;
import org.tandem.common.InvalidInputException;
import org.tandem.common.Privileged;

/** How code outside the models starts and steers relationships: the one door to the {@code relationship} process. */
@Component
public class RelationshipProcess {

  static final String PROCESS = "relationship";
  /** The API's names for the form's fields. */
  private static final Map<String, String> API_FIELDS = Map.of(RelationshipVariables.END_REASON, "reason",
      RelationshipVariables.END_REASON_OTHER, "details");

  private final ProcessEngine engine;
  private final RelationshipService relationships;

  RelationshipProcess(ProcessEngine engine, RelationshipService relationships) {
    this.engine = engine;
    this.relationships = relationships;
  }

  /**
   * Starts the relationship of a matched pair (MAT-3): the coach accepted, or a coordinator matched them by hand.
   *
   * @return the new relationship's id, also the business key of its process
   */
  public String start(Kind kind, String coachId, String clientId, String sponsorId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RelationshipVariables.KIND, kind.name());
    variables.put(RelationshipVariables.COACH_ID, coachId);
    variables.put(RelationshipVariables.CLIENT_ID, clientId);
    variables.put(RelationshipVariables.SPONSOR_ID, sponsorId);
    return (String) engine.getRuntimeService().createProcessInstanceByKey(PROCESS).setVariables(variables)
        .executeWithVariablesInReturn().getVariables().get(RelationshipVariables.RELATIONSHIP_ID);
  }

  /**
   * END-1 from the API: the coach or the client ends the relationship early, exactly as with their standing task
   * in Tasklist, which this completes on their behalf. Runs as the caller.
   */
  public Relationship endEarly(String relationshipId, String userId, String reason, String details, String note) {
    Relationship relationship = relationships.find(relationshipId)
        .orElseThrow(() -> ApiProblem.notFound("There is no relationship " + relationshipId + "."));
    String taskKey;
    if (userId.equals(relationship.coachId())) {
      taskKey = "Task_CoachEndsEarly";
    } else if (userId.equals(relationship.clientId())) {
      taskKey = "Task_ClientEndsEarly";
    } else {
      throw ApiProblem.forbidden("Only the coach and the client of a relationship can end it.");
    }
    EndReason endReason = parse(reason);
    Task task = Privileged.call(engine, () -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(relationshipId).taskDefinitionKey(taskKey).taskAssignee(userId).singleResult());
    if (task == null) {
      throw ApiProblem.conflict("Relationship " + relationshipId + " cannot be ended early now: that is possible "
          + "once its contract is in force and until it closes.");
    }
    Map<String, Object> form = new HashMap<>();
    form.put(RelationshipVariables.END_REASON, endReason.name());
    form.put(RelationshipVariables.END_REASON_OTHER, details);
    form.put("endConfirmed", true);
    if (note != null && !note.isBlank()) {
      form.put("confidentialEndNote", note);
    }
    try {
      engine.getFormService().submitTaskForm(task.getId(), form);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(API_FIELDS.getOrDefault(e.field(), e.field()), e.getMessage());
    }
    return relationships.find(relationshipId).orElseThrow();
  }

  private static EndReason parse(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "Choose the reason.");
    }
    try {
      return EndReason.valueOf(reason.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("reason", "'" + reason + "' is not a reason; choose one of "
          + java.util.Arrays.toString(EndReason.values()) + ".");
    }
  }
}
