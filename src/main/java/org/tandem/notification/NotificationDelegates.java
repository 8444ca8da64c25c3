package org.tandem.notification;

import java.util.LinkedHashMap;
import java.util.Map;
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
   * The reminder goes through the outbox: once per task, withdrawn if the task ends before it is sent.
   */
  @Bean
  JavaDelegate remindAssignee(Outbox outbox) {
    return (DelegateExecution execution) -> {
      String taskKey = (String) execution.getVariableLocal(REMINDER_FOR);
      Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
          .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(taskKey).singleResult();
      if (task == null || task.getAssignee() == null) {
        return;
      }
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("taskName", task.getName());
      params.put("taskId", task.getId());
      params.put("when", "WAITING");
      if (task.getDueDate() != null) {
        params.put("due", task.getDueDate().toInstant().toString());
      }
      outbox.enqueue(new Notice("model-reminder:" + task.getId(), Notice.Kind.REMINDER, task.getAssignee(),
          "Reminder: " + task.getName(), (String) execution.getVariable(PartyVariables.RELATIONSHIP_ID),
          task.getId(), params, null));
    };
  }
}
