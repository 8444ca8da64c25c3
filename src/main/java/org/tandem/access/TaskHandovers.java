package org.tandem.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.EngineTime;
import org.tandem.common.InvalidInputException;
import org.tandem.common.Privileged;
import org.tandem.common.NotFoundException;

/**
 * A coordinator hands a task over: to another person its model allows (the assignment guard checks that), or back to
 * the group it is offered to. The reason is required and kept with who did it and when; the engine's operation log
 * records the assignment under the coordinator's name as well.
 */
@Service
class TaskHandovers {

  static final int MAX_REASON = 1000;

  /** One handover as it is kept. */
  record Handover(long id, String taskId, String taskName, String businessKey, String fromUser, String toUser,
      String reason, String handedBy, Instant handedAt) {
  }

  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final DeployedForms forms;

  TaskHandovers(ProcessEngine engine, JdbcClient jdbc, DeployedForms forms) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.forms = forms;
  }

  /**
   * @param toUser who takes the task over, or null to hand it back to its group
   * @param coordinator who hands it over; the caller has checked they are a coordinator
   */
  @Transactional
  Handover handOver(String taskId, String toUser, String reason, String coordinator) {
    String why = reason == null ? null : reason.trim();
    if (why == null || why.isEmpty()) {
      throw new InvalidInputException("reason", "Say why the task is handed over.");
    }
    if (why.length() > MAX_REASON) {
      throw new InvalidInputException("reason", "The reason is too long: at most " + MAX_REASON + " characters.");
    }
    Task task = Privileged.call(engine, () -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      throw new NotFoundException("There is no open task " + taskId + ".");
    }
    String to = toUser == null || toUser.isBlank() ? null : toUser.trim();
    if (to == null && !forms.offeredToGroups(taskId)) {
      throw new InvalidInputException("userId", "This task belongs to one person by its model; name who takes it "
          + "over.");
    }
    if (to != null && to.equals(task.getAssignee())) {
      throw new InvalidInputException("userId", to + " holds this task already.");
    }
    if (to != null && Privileged.call(engine, () -> engine.getIdentityService().createUserQuery().userId(to).count())
        == 0) {
      throw new InvalidInputException("userId", "There is no user '" + to + "'.");
    }
    Privileged.run(engine, () -> engine.getTaskService().setAssignee(taskId, to));
    Instant now = EngineTime.now();
    String businessKey = businessKey(task);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into task_handover (task_id, task_name, business_key, from_user, to_user, reason, handed_by,
              handed_at)
            values (:task, :name, :key, :from, :to, :reason, :by, :at)""")
        .param("task", taskId).param("name", task.getName()).param("key", businessKey)
        .param("from", task.getAssignee()).param("to", to).param("reason", why).param("by", coordinator)
        .param("at", Timestamp.from(now))
        .update(key, "id");
    return new Handover(key.getKey().longValue(), taskId, task.getName(), businessKey, task.getAssignee(), to, why, coordinator, now);
  }

  /** The handovers of a task, oldest first. */
  List<Handover> of(String taskId) {
    return jdbc.sql("select * from task_handover where task_id = :task order by id").param("task", taskId)
        .query((rs, row) -> new Handover(rs.getLong("id"), rs.getString("task_id"), rs.getString("task_name"),
            rs.getString("business_key"), rs.getString("from_user"), rs.getString("to_user"),
            rs.getString("reason"), rs.getString("handed_by"), rs.getTimestamp("handed_at").toInstant()))
        .list();
  }

  private String businessKey(Task task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    ProcessInstance instance = Privileged.call(engine, () -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult());
    return instance == null ? null : instance.getBusinessKey();
  }

}
