package org.tandem.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tandem.common.Caller;
import org.tandem.common.EngineTime;
import org.tandem.common.PartyVariables;
import org.tandem.identity.People;
import org.tandem.identity.Roles;

/**
 * What people hear of their tasks, from the engine's task events (the Spring eventing bridge), in the transaction of
 * the task's change:
 * <ul>
 *   <li>a new task: "you have a new task" to its assignee, or to each member of its candidate groups;</li>
 *   <li>a task with a due date: a reminder to whoever holds it {@code remind-before} the due date and on the due
 *   date, and the coordinators are told when it is still open {@code escalate-after} the due date;</li>
 *   <li>a task handed to someone else: the others' reminders are withdrawn and the new holder's written;</li>
 *   <li>a task that ends: whatever of it is not sent yet is withdrawn.</li>
 * </ul>
 * A user task's model may say otherwise with the extension property {@code notify}: {@code quiet} (no "new task"
 * mail, for the tasks that are always open, such as ending early) and {@code reminders}: {@code none} (the model
 * reminds, or closes the task itself) or {@code escalate} (the model reminds on the due date; only the escalation).
 */
@Component
class TaskNotifications {

  static final String NOTIFY = "notify";
  static final String REMINDERS = "reminders";
  /** For each task, the holder whose notifications this transaction wrote last. */
  private static final Object HELD_IN_TRANSACTION = TaskNotifications.class.getName() + ".held";

  private static final Logger LOG = LoggerFactory.getLogger(TaskNotifications.class);

  private final Outbox outbox;
  private final People people;
  private final NotificationSettings settings;
  private final Preferences preferences;

  TaskNotifications(Outbox outbox, People people, NotificationSettings settings, Preferences preferences) {
    this.outbox = outbox;
    this.people = people;
    this.settings = settings;
    this.preferences = preferences;
  }

  /**
   * A task is created, or has a new assignee (claimed, handed over, handed back to its group): the notifications
   * of whoever held it before are withdrawn, and those of its holder now are written (each once, whichever of the two
   * events comes first).
   */
  @EventListener(condition = "#task.eventName == 'create' || #task.eventName == 'assignment'")
  public void held(DelegateTask task) {
    String holder = task.getAssignee() != null ? "u=" + task.getAssignee() : "g=" + String.join(",", groups(task));
    if (!newHolderInTransaction(task.getId(), holder)) {
      // a task created with its assignee fires both events: its notifications are written once
      LOG.debug("Notifications of task {} ({}) already written for {}", task.getId(), task.getName(), holder);
      return;
    }
    outbox.withdrawForTask(task.getId(), holder);
    Map<String, String> properties = properties(task);
    List<String> holders = holders(task);
    boolean claimedOneself = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())
        && task.getAssignee() != null && task.getAssignee().equals(currentUser(task));
    if (!"quiet".equals(properties.get(NOTIFY)) && !claimedOneself) {
      for (String person : holders) {
        outbox.enqueue(new Notice("task:" + task.getId() + ":" + holder + ":" + person, Notice.Kind.NEW_TASK, person,
            "New task: " + task.getName(), relationship(task), task.getId(), params(task),
            preferences.newTaskMailAt(person)));
      }
    }
    remind(task, holder, holders, properties);
  }

  /**
   * Whether the task has a holder other than the one this transaction last wrote its notifications for (always,
   * outside a transaction). The notifications would be the same again, their causes already written: this spares the
   * queries. A task handed on and back within the transaction is written again, since handing it on withdrew them.
   */
  private static boolean newHolderInTransaction(String taskId, String holder) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return true;
    }
    @SuppressWarnings("unchecked")
    Map<String, String> holders = (Map<String, String>) TransactionSynchronizationManager.getResource(
        HELD_IN_TRANSACTION);
    if (holders == null) {
      holders = new HashMap<>();
      TransactionSynchronizationManager.bindResource(HELD_IN_TRANSACTION, holders);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(HELD_IN_TRANSACTION);
        }
      });
    }
    return !holder.equals(holders.put(taskId, holder));
  }

  @EventListener(condition = "#task.eventName == 'complete' || #task.eventName == 'delete'")
  public void ended(DelegateTask task) {
    outbox.withdrawForTask(task.getId(), null);
  }

  private void remind(DelegateTask task, String holder, List<String> holders, Map<String, String> properties) {
    if (task.getDueDate() == null || "none".equals(properties.get(REMINDERS))) {
      return;
    }
    Instant due = task.getDueDate().toInstant();
    Instant now = EngineTime.now();
    Map<String, Object> params = params(task);
    if (!"escalate".equals(properties.get(REMINDERS))) {
      for (String person : holders) {
        Instant before = due.minus(settings.remindBefore());
        if (before.isAfter(now)) {
          reminder(task, holder, person, "BEFORE", before, params,
              "Due on " + localDay(due) + ": " + task.getName());
        }
        reminder(task, holder, person, "DUE", due, params, "Due today: " + task.getName());
      }
    }
    Map<String, Object> escalation = new LinkedHashMap<>(params);
    if (task.getAssignee() != null) {
      escalation.put("holderId", task.getAssignee());
    } else {
      escalation.put("holderGroups", String.join(", ", groups(task)));
    }
    escalation.put("processInstanceId", task.getProcessInstanceId());
    for (People.Person coordinator : people.withRole(Roles.COORDINATORS)) {
      if (holders.contains(coordinator.id())) {
        continue;
      }
      outbox.enqueue(new Notice("escalation:" + task.getId() + ":" + holder + ":" + coordinator.id(),
          Notice.Kind.ESCALATION, coordinator.id(), "Overdue: " + task.getName(), relationship(task), task.getId(),
          escalation, due.plus(settings.escalateAfter())));
    }
  }

  private void reminder(DelegateTask task, String holder, String person, String when, Instant at,
      Map<String, Object> params, String subject) {
    Map<String, Object> reminder = new LinkedHashMap<>(params);
    reminder.put("when", when);
    outbox.enqueue(new Notice("reminder:" + task.getId() + ":" + holder + ":" + person + ":" + when,
        Notice.Kind.REMINDER, person, subject, relationship(task), task.getId(), reminder, at));
  }

  private String localDay(Instant due) {
    return java.time.format.DateTimeFormatter.ofPattern("d MMMM", java.util.Locale.UK)
        .format(due.atZone(preferences.zone()));
  }

  /** The people a task is for now: its assignee, or the members of its candidate groups. */
  private List<String> holders(DelegateTask task) {
    if (task.getAssignee() != null) {
      return List.of(task.getAssignee());
    }
    Set<String> members = new LinkedHashSet<>();
    for (String group : groups(task)) {
      people.withRole(group).forEach(person -> members.add(person.id()));
    }
    for (IdentityLink link : task.getCandidates()) {
      if (link.getUserId() != null) {
        members.add(link.getUserId());
      }
    }
    return new ArrayList<>(members);
  }

  private static List<String> groups(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).distinct().toList();
  }

  private static Map<String, Object> params(DelegateTask task) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("taskName", task.getName());
    params.put("taskId", task.getId());
    if (task.getDueDate() != null) {
      params.put("due", task.getDueDate().toInstant().toString());
    }
    return params;
  }

  private static String relationship(DelegateTask task) {
    Object id = task.getVariable(PartyVariables.RELATIONSHIP_ID);
    return id instanceof String text ? text : null;
  }

  private static String currentUser(DelegateTask task) {
    return Caller.userId(task.getProcessEngineServices());
  }

  /** The model's extension properties of the task ({@code camunda:properties}). */
  private static Map<String, String> properties(DelegateTask task) {
    Map<String, String> properties = new LinkedHashMap<>();
    FlowElement element = task.getBpmnModelElementInstance();
    ExtensionElements extensions = element == null ? null : element.getExtensionElements();
    if (extensions != null) {
      for (CamundaProperties list : extensions.getChildElementsByType(CamundaProperties.class)) {
        for (CamundaProperty property : list.getCamundaProperties()) {
          properties.put(property.getCamundaName(), property.getCamundaValue());
        }
      }
    }
    return properties;
  }

}
