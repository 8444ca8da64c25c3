package org.tandem.relationship;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Component;
import org.tandem.common.InvalidInputException;
import org.tandem.common.Privileged;
import org.tandem.common.NotFoundException;
import org.tandem.common.NotPermittedException;
import org.tandem.common.ConflictException;
import org.tandem.common.ModelProcess;

/** How code outside the models starts and steers relationships: the one door to the {@code relationship} process. */
@Component
public class RelationshipProcess extends ModelProcess {

  static final String PROCESS = "relationship";
  /** The standing tasks of the sessions model that ending early from the API completes. */
  static final String COACH_ENDS_EARLY = "Task_CoachEndsEarly";
  static final String CLIENT_ENDS_EARLY = "Task_ClientEndsEarly";
  /** The API's names for the form's fields. */
  private static final Map<String, String> API_FIELDS = Map.of(RelationshipVariables.END_REASON, "reason",
      RelationshipVariables.END_REASON_OTHER, "details");

  private final RelationshipService relationships;

  RelationshipProcess(ProcessEngine engine, RelationshipService relationships) {
    super(engine, PROCESS);
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
    return (String) startForVariables(variables).get(RelationshipVariables.RELATIONSHIP_ID);
  }

  /**
   * END-1 from the API: the coach or the client ends the relationship early, exactly as with their standing task
   * in Tasklist, which this completes on their behalf. Runs as the caller.
   */
  public Relationship endEarly(String relationshipId, String userId, String reason, String details, String note) {
    Relationship relationship = relationships.find(relationshipId)
        .orElseThrow(() -> new NotFoundException("There is no relationship " + relationshipId + "."));
    String taskKey;
    if (userId.equals(relationship.coachId())) {
      taskKey = COACH_ENDS_EARLY;
    } else if (userId.equals(relationship.clientId())) {
      taskKey = CLIENT_ENDS_EARLY;
    } else {
      throw new NotPermittedException("Only the coach and the client of a relationship can end it.");
    }
    EndReason endReason = parse(reason);
    Task task = Privileged.call(engine, () -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(relationshipId).taskDefinitionKey(taskKey).taskAssignee(userId).singleResult());
    if (task == null) {
      throw new ConflictException("Relationship " + relationshipId + " cannot be ended early now: that is possible "
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

  /**
   * A coordinator or an administrator names a new sponsor, saying why (the client's line manager changed): the record,
   * every process of the relationship that knows the sponsor, and the tasks waiting for the sponsor follow, in one
   * transaction. The change is kept with who made it.
   */
  @Transactional
  public Relationship changeSponsor(String relationshipId, String sponsorId, String reason, String changedBy) {
    String previous = relationships.changeSponsor(relationshipId, sponsorId, reason, changedBy);
    String next = sponsorId.trim();
    Privileged.run(engine, () -> {
      List<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(relationshipId).list().stream().map(ProcessInstance::getId).toList();
      if (instances.isEmpty()) {
        return;
      }
      for (VariableInstance variable : engine.getRuntimeService().createVariableInstanceQuery()
          .processInstanceIdIn(instances.toArray(String[]::new)).variableName(RelationshipVariables.SPONSOR_ID).list()) {
        engine.getRuntimeService().setVariableLocal(variable.getExecutionId(), RelationshipVariables.SPONSOR_ID, next);
      }
      if (previous == null) {
        return;
      }
      for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(relationshipId)
          .taskAssignee(previous).list()) {
        if (assignedToTheSponsor(task)) {
          engine.getTaskService().setAssignee(task.getId(), next);
        }
      }
    });
    return relationships.find(relationshipId).orElseThrow();
  }

  /** DP-1: the relationship's processes forget a sponsor whose processing stopped; the relationship goes on. */
  void forgetSponsor(String relationshipId, String sponsorId) {
    for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(relationshipId).variableValueEquals(RelationshipVariables.SPONSOR_ID, sponsorId)
        .list()) {
      engine.getRuntimeService().removeVariable(instance.getId(), RelationshipVariables.SPONSOR_ID);
    }
  }

  /** Whether the task's model gives it to the relationship's sponsor (not, say, to the sponsor as a respondent). */
  private boolean assignedToTheSponsor(Task task) {
    var element = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementById(task.getTaskDefinitionKey());
    return element instanceof UserTask userTask
        && ("${" + RelationshipVariables.SPONSOR_ID + "}").equals(userTask.getCamundaAssignee());
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
