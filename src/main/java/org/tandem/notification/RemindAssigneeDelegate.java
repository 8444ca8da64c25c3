package org.tandem.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tandem.common.PartyVariables;

/**
 * A reminder timer's service task: reminds whoever has the open task named by the input parameter
 * {@code reminderFor} (its id in the model) in the same process instance.
 */
@Component("remindAssignee")
class RemindAssigneeDelegate implements JavaDelegate {

  static final String REMINDER_FOR = "reminderFor";

  private final Notifications notifications;

  RemindAssigneeDelegate(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String taskKey = (String) execution.getVariableLocal(REMINDER_FOR);
    Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(taskKey).singleResult();
    if (task == null || task.getAssignee() == null) {
      return;
    }
    notifications.remind(task.getAssignee(), (String) execution.getVariable(PartyVariables.RELATIONSHIP_ID),
        "Reminder: " + task.getName(),
        "'" + task.getName() + "' is waiting for you in Tasklist since " + task.getCreateTime() + ".");
  }
}
