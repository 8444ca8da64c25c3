package org.tandem.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Puts the product's groups, application access, Tasklist filters and administrator in place on start, before the
 * application serves a request; with {@code tandem.identity.demo-users} also the demo users of the README.
 * Everything is created only where missing, so it is safe on every start and never overwrites an admin's changes.
 */
@Component
class IdentityBootstrap implements SmartInitializingSingleton {

  static final String MY_TASKS = "My tasks";
  static final String MY_GROUPS_TASKS = "My group's tasks";

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  /** A demo user of the README: id, names and the role they play. */
  record DemoUser(String id, String firstName, String lastName, String role) {
  }

  static final List<DemoUser> DEMO_USERS = List.of(
      new DemoUser("cora", "Cora", "Whitfield", Roles.COORDINATORS),
      new DemoUser("colin", "Colin", "Marsh", Roles.COACHES),
      new DemoUser("chloe", "Chloe", "Ahmed", Roles.COACHES),
      new DemoUser("clara", "Clara", "Benson", Roles.CLIENTS),
      new DemoUser("carl", "Carl", "Osei", Roles.CLIENTS),
      new DemoUser("sam", "Sam", "Okafor", Roles.SPONSORS),
      new DemoUser("ada", "Ada", "Morgan", Roles.ASSESSORS));

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final TasklistFilters filters;
  private final TaskService taskService;
  private final IdentityProperties properties;

  IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService,
      TasklistFilters filters, TaskService taskService, IdentityProperties properties) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filters = filters;
    this.taskService = taskService;
    this.properties = properties;
  }

  @Override
  public void afterSingletonsInstantiated() {
    groups();
    applicationAccess();
    administrators();
    starters();
    coordinators();
    filters();
    narrowEarlierGrants();
    admin();
    if (properties.demoUsers()) {
      DEMO_USERS.forEach(demo -> user(demo.id(), demo.firstName(), demo.lastName(),
          properties.demoPassword(), demo.role()));
      LOG.warn("Demo users are enabled ({}); switch tandem.identity.demo-users off in production",
          DEMO_USERS.stream().map(DemoUser::id).toList());
    }
  }

  private void groups() {
    group(Roles.ADMINS, "Administrators", "SYSTEM");
    group(Roles.COORDINATORS, "Coordinators", "WORKFLOW");
    group(Roles.COACHES, "Coaches and mentors", "WORKFLOW");
    group(Roles.CLIENTS, "Clients", "WORKFLOW");
    group(Roles.SPONSORS, "Sponsors", "WORKFLOW");
    group(Roles.ASSESSORS, "Assessors", "WORKFLOW");
  }

  /**
   * Tasklist for everyone who has tasks, Cockpit for coordinators. Completing a task with its Camunda Form needs
   * READ on the task's process definition (the form is deployed with it); the definitions are no secret, and reading
   * one grants nothing on its instances.
   */
  private void applicationAccess() {
    Roles.TASKLIST_ROLES.forEach(role -> {
      grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(role, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    });
    grant(Roles.COORDINATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
  }

  private void administrators() {
    Arrays.stream(Resources.values()).forEach(resource -> grant(Roles.ADMINS, resource, "*", Permissions.ALL));
  }

  /** Who may start which process from Tasklist or the API. */
  private void starters() {
    Roles.TASKLIST_ROLES.forEach(role -> {
      grant(role, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      grant(role, Resources.PROCESS_DEFINITION, "coach-registration", Permissions.CREATE_INSTANCE);
      grant(role, Resources.PROCESS_DEFINITION, "erasure-request", Permissions.CREATE_INSTANCE);
    });
    grant(Roles.CLIENTS, Resources.PROCESS_DEFINITION, "coaching-request", Permissions.CREATE_INSTANCE);
    grant(Roles.CLIENTS, Resources.PROCESS_DEFINITION, "complaint", Permissions.CREATE_INSTANCE);
    grant(Roles.COACHES, Resources.PROCESS_DEFINITION, "complaint", Permissions.CREATE_INSTANCE);
  }

  /** Coordinators watch every relationship in Cockpit and start the ones matched outside the system (MAT-4). */
  private void coordinators() {
    grant(Roles.COORDINATORS, Resources.PROCESS_DEFINITION, "*",
        Permissions.READ, Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
    grant(Roles.COORDINATORS, Resources.PROCESS_DEFINITION, "relationship", Permissions.CREATE_INSTANCE);
    grant(Roles.COORDINATORS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE, Permissions.READ);
    grant(Roles.COORDINATORS, Resources.TASK, "*", Permissions.READ);
    grant(Roles.COORDINATORS, Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(Roles.COORDINATORS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
  }

  /**
   * Grants the engine made before {@link AuthorizationDefaults}: an open task's UPDATE for its people becomes
   * TASK_WORK (a group's also TASK_ASSIGN, to hand a claimed task back), and a user's ALL on themselves becomes READ
   * and UPDATE. Nothing to do on a new database, and nothing the second time.
   */
  private void narrowEarlierGrants() {
    int narrowed = 0;
    for (Authorization authorization : authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.TASK).hasPermission(Permissions.UPDATE).list()) {
      if (Authorization.ANY.equals(authorization.getResourceId()) || Roles.ADMINS.equals(authorization.getGroupId())) {
        continue;
      }
      authorization.removePermission(Permissions.UPDATE);
      authorization.addPermission(TaskPermissions.TASK_WORK);
      if (authorization.getGroupId() != null) {
        authorization.addPermission(TaskPermissions.TASK_ASSIGN);
      }
      authorizationService.saveAuthorization(authorization);
      narrowed++;
    }
    for (Authorization authorization : authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.USER).hasPermission(Permissions.DELETE).list()) {
      if (authorization.getUserId() != null && authorization.getUserId().equals(authorization.getResourceId())) {
        authorization.setPermissions(new Permission[] {Permissions.READ, Permissions.UPDATE});
        authorizationService.saveAuthorization(authorization);
        narrowed++;
      }
    }
    if (narrowed > 0) {
      LOG.info("{} grants of earlier versions narrowed to least privilege", narrowed);
    }
  }

  private void filters() {
    filters.offer(MY_TASKS, -10, "Tasks assigned to me",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), Roles.TASKLIST_ROLES);
    filters.offer(MY_GROUPS_TASKS, -5, "Tasks my groups can claim",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(),
        Roles.TASKLIST_ROLES);
  }

  private void admin() {
    IdentityProperties.Admin admin = properties.admin();
    if (admin.password() == null || admin.password().isBlank()) {
      throw new IllegalStateException("No admin password: set TANDEM_ADMIN_PASSWORD (tandem.identity.admin.password)");
    }
    user(admin.id(), "Programme", "Administrator", admin.password(), Roles.ADMINS);
  }

  private void user(String id, String firstName, String lastName, String password, String groupId) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@example.org");
      user.setPassword(password);
      identityService.saveUser(user);
      LOG.info("User '{}' created in group '{}'", id, groupId);
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(id, groupId);
    }
  }

  private void group(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Grants.grant(authorizationService, groupId, resource, resourceId, permissions);
  }
}
