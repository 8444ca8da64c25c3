package org.tandem.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.common.PartyVariables;

/** The service tasks that notify, whichever model they stand in. */
@Configuration(proxyBeanMethods = false)
class NotificationDelegates {

  static final String REMINDER_FOR = "reminderFor";

  /**
   * A reminder timer's service task ({@code Task_RemindSponsor}, {@code Task_RemindToRecord}): reminds whoever has
   * the open task named by the input parameter {@code reminderFor} (its id in the model) in the same process instance.
   */
  @Bean
  JavaDelegate remindAssignee(Notifications notifications) {
    return (DelegateExecution execution) -> {
      String taskKey = (String) execution.getVariableLocal(REMINDER_FOR);
      Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
          .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(taskKey).singleResult();
      if (task == null || task.getAssignee() == null) {
        return;
      }
      notifications.remind(task.getAssignee(), (String) execution.getVariable(PartyVariables.RELATIONSHIP_ID),
          "Reminder: " + task.getName(),
          "'" + task.getName() + "' is waiting for you in Tasklist since " + task.getCreateTime() + ".");
    };
  }
}
