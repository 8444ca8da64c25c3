package org.tandem.identity;

import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;
import static org.camunda.bpm.engine.impl.util.EnsureUtil.ensureValidIndividualResourceId;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The authorizations the engine grants by itself, narrowed to what people need. A user reads and updates their own
 * profile and password, but cannot delete themselves (erasure is a process with a coordinator's check, DP-2). A task's
 * people get {@code TASK_WORK} (see {@link AuthorizationDefaults}): claim and complete, never change variables or
 * assignment; a group a task is offered to may also hand back the task one of its members claimed.
 */
class ProductAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newUser(User user) {
    ensureValidIndividualResourceId("Cannot create default authorization for user " + user.getId(), user.getId());
    return new AuthorizationEntity[] {
        createGrantAuthorization(user.getId(), null, USER, user.getId(), Permissions.READ, Permissions.UPDATE)
    };
  }

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    AuthorizationEntity[] authorizations = super.newTaskGroupIdentityLink(task, groupId, type);
    if (IdentityLinkType.CANDIDATE.equals(type) && authorizations != null) {
      for (AuthorizationEntity authorization : authorizations) {
        if (authorization.getResourceType() == TASK.resourceType()) {
          authorization.addPermission(TaskPermissions.TASK_ASSIGN);
        }
      }
    }
    return authorizations;
  }
}
