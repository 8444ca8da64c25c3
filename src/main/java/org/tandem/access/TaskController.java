package org.tandem.access;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.common.NotPermittedException;
import org.tandem.identity.Callers;
import org.tandem.identity.Roles;

/** Coordinators hand tasks over, saying why; engine REST assigns no task outside its model. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

  /**
   * @param userId who takes the task over; none hands a group's task back to its group
   * @param reason why, kept with the handover
   */
  record HandoverRequest(String userId, String reason) {
  }

  private final TaskHandovers handovers;

  TaskController(TaskHandovers handovers) {
    this.handovers = handovers;
  }

  @PostMapping("/{id}/assignee")
  TaskHandovers.Handover handOver(@PathVariable String id, @RequestBody HandoverRequest request,
      Authentication caller) {
    coordinator(caller);
    return handovers.handOver(id, request.userId(), request.reason(), caller.getName());
  }

  @GetMapping("/{id}/handovers")
  List<TaskHandovers.Handover> handovers(@PathVariable String id, Authentication caller) {
    coordinator(caller);
    return handovers.of(id);
  }

  private static void coordinator(Authentication caller) {
    if (!Callers.isCoordinator(caller) && !Callers.hasRole(caller, Roles.ADMINS)) {
      throw new NotPermittedException("Only coordinators hand tasks over.");
    }
  }
}
