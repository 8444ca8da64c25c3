package org.tandem.programme;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.tandem.identity.Roles;
import org.tandem.identity.TasklistFilters;

/**
 * The coordinators' Tasklist filters, beside everyone's "My tasks" and "My group's tasks": what is past its due date,
 * what has waited longer than a relationship may stall ({@code tandem.programme.stalled-after}), the requests to
 * match by hand (MAT-3), and the complaints (CMP-1) and erasure requests (DP-2) that wait.
 */
@Component
class CoordinatorFilters implements SmartInitializingSingleton {

  static final String PAST_DUE = "Past due";
  static final String WAITING_LONG = "Waiting too long";
  static final String MATCH_BY_HAND = "Requests to match by hand";
  static final String COMPLAINTS = "Complaints waiting";
  static final String ERASURE_REQUESTS = "Erasure requests waiting";

  private final TasklistFilters filters;
  private final TaskService tasks;
  private final ProgrammeSettings settings;

  CoordinatorFilters(TasklistFilters filters, TaskService tasks, ProgrammeSettings settings) {
    this.filters = filters;
    this.tasks = tasks;
    this.settings = settings;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> coordinators = List.of(Roles.COORDINATORS);
    filters.offer(PAST_DUE, 1, "Tasks whose due date has passed, the most overdue first",
        tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(), coordinators);
    filters.offer(WAITING_LONG, 2, "Tasks waiting " + settings.stalledAfter().toDays() + " days or more",
        tasks.createTaskQuery().taskCreatedBeforeExpression(
            "${dateTime().minusDays(" + settings.stalledAfter().toDays() + ").toDate()}")
            .orderByTaskCreateTime().asc(), coordinators);
    filters.offer(MATCH_BY_HAND, 3, "Requests nobody on the register could take (MAT-3)",
        tasks.createTaskQuery().processDefinitionKey("coaching-request").taskDefinitionKey("Task_MatchByHand")
            .orderByTaskCreateTime().asc(), coordinators);
    filters.offer(COMPLAINTS, 4, "Concerns about a coach at every stage (CMP-1)",
        tasks.createTaskQuery().processDefinitionKey("complaint").orderByTaskCreateTime().asc(), coordinators);
    filters.offer(ERASURE_REQUESTS, 5, "Erasure requests to verify, within a month (DP-2)",
        tasks.createTaskQuery().processDefinitionKey("erasure-request").orderByDueDate().asc(), coordinators);
  }
}
