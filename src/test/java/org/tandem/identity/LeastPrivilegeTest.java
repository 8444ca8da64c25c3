package org.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.AccessWorld;
import org.tandem.support.LifecycleTest;

/**
 * Least privilege, cell by cell: every grant in the database, after relationships, a request, an application and a
 * group's task have run, is one of the cells of the matrix in the README, and grants made by earlier versions are
 * narrowed to it on start.
 */
class LeastPrivilegeTest extends LifecycleTest {

  @Autowired
  IdentityBootstrap bootstrap;

  static final List<String> TASKLIST_ROLES = List.of("coordinators", "coaches", "clients", "sponsors", "assessors");

  /** The matrix: who (a group, or which kind of user grant), resource and id, permissions. */
  static Set<String> matrix() {
    Set<String> cells = new TreeSet<>();
    for (String role : TASKLIST_ROLES) {
      cells.add("group:" + role + " APPLICATION:tasklist ACCESS");
      cells.add("group:" + role + " FILTER:{filter} READ");
      cells.add("group:" + role + " PROCESS_DEFINITION:coach-registration CREATE_INSTANCE");
      cells.add("group:" + role + " PROCESS_DEFINITION:erasure-request CREATE_INSTANCE");
      cells.add("group:" + role + " GROUP:" + role + " READ");
      if (!role.equals("coordinators")) {
        cells.add("group:" + role + " PROCESS_DEFINITION:* READ");
        cells.add("group:" + role + " PROCESS_INSTANCE:* CREATE");
      }
      // a task offered to the group: work on it, read its form, and hand back what a member claimed
      cells.add("group:" + role + " TASK:{task} READ,READ_VARIABLE,TASK_ASSIGN,TASK_WORK");
      cells.add("group:" + role + " HISTORIC_TASK:{task} READ,READ_VARIABLE");
    }
    cells.add("group:clients PROCESS_DEFINITION:coaching-request CREATE_INSTANCE");
    cells.add("group:clients PROCESS_DEFINITION:complaint CREATE_INSTANCE");
    cells.add("group:coaches PROCESS_DEFINITION:complaint CREATE_INSTANCE");
    cells.add("group:coordinators APPLICATION:cockpit ACCESS");
    cells.add("group:coordinators PROCESS_DEFINITION:* READ,READ_HISTORY,READ_INSTANCE");
    cells.add("group:coordinators PROCESS_DEFINITION:relationship CREATE_INSTANCE");
    cells.add("group:coordinators PROCESS_INSTANCE:* CREATE,READ");
    cells.add("group:coordinators TASK:* READ");
    cells.add("group:coordinators DEPLOYMENT:* READ");
    cells.add("group:coordinators DECISION_DEFINITION:* READ");
    cells.add("group:camunda-admin GROUP:camunda-admin READ");
    for (Resources resource : Resources.values()) {
      cells.add("group:camunda-admin " + resource.name() + ":* ALL");
    }
    // grants to one person
    cells.add("user:self USER:self READ,UPDATE");
    cells.add("user:participant PROCESS_INSTANCE:{instance} READ");
    cells.add("user:participant HISTORIC_PROCESS_INSTANCE:{instance} READ");
    cells.add("user:assignee TASK:{task} READ,READ_VARIABLE,TASK_WORK");
    cells.add("user:assignee HISTORIC_TASK:{task} READ,READ_VARIABLE");
    cells.add("user:owner FILTER:{filter} ALL");
    return cells;
  }

  private List<String> cells() {
    Set<String> filters = new TreeSet<>();
    engine.getFilterService().createFilterQuery().list().forEach(filter -> filters.add(filter.getId()));
    List<String> cells = new ArrayList<>();
    for (Authorization authorization : engine.getAuthorizationService().createAuthorizationQuery().list()) {
      cells.add(cell(authorization, filters));
    }
    return cells;
  }

  static String cell(Authorization authorization, Set<String> filters) {
    Resources resource = Arrays.stream(Resources.values())
        .filter(r -> r.resourceType() == authorization.getResourceType()).findFirst().orElseThrow();
    String id = authorization.getResourceId();
    String shownId = id.equals("*") ? "*" : filters.contains(id) ? "{filter}"
        : resource == Resources.TASK || resource == Resources.HISTORIC_TASK ? "{task}"
        : resource == Resources.PROCESS_INSTANCE || resource == Resources.HISTORIC_PROCESS_INSTANCE ? "{instance}"
        : id;
    String who;
    if (authorization.getAuthorizationType() != AUTH_TYPE_GRANT) {
      who = "not a grant";
    } else if (authorization.getGroupId() != null) {
      who = "group:" + authorization.getGroupId();
    } else if (resource == Resources.USER && id.equals(authorization.getUserId())) {
      who = "user:self";
      shownId = "self";
    } else if (resource == Resources.TASK || resource == Resources.HISTORIC_TASK) {
      who = "user:assignee";
    } else if (resource == Resources.FILTER) {
      who = "user:owner";
    } else if (resource == Resources.PROCESS_INSTANCE || resource == Resources.HISTORIC_PROCESS_INSTANCE) {
      who = "user:participant";
    } else {
      who = "user:" + authorization.getUserId();
    }
    return who + " " + resource.name() + ":" + shownId + " " + permissions(authorization, resource);
  }

  static String permissions(Authorization authorization, Resource resource) {
    if (authorization.isEveryPermissionGranted()) {
      return "ALL";
    }
    Permission[] possible = ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType());
    Set<String> names = new TreeSet<>();
    for (Permission permission : authorization.getPermissions(possible)) {
      if (permission.getValue() != 0 && permission.getValue() != Integer.MAX_VALUE) {
        names.add(permission.getName());
      }
    }
    return String.join(",", names);
  }

  @Test
  @DisplayName("SES-2 DP-5 every grant in the database is a cell of the matrix, and the matrix's cells are there")
  void every_grant_is_a_cell_of_the_matrix() {
    AccessWorld world = new AccessWorld(driver);
    world.shared();
    world.fresh();

    List<String> cells = cells();

    assertThat(new TreeSet<>(cells)).isSubsetOf(matrix());
    assertThat(cells).contains("user:self USER:self READ,UPDATE", "user:assignee TASK:{task} READ,READ_VARIABLE,TASK_WORK",
        "group:coordinators TASK:{task} READ,READ_VARIABLE,TASK_ASSIGN,TASK_WORK",
        "user:participant PROCESS_INSTANCE:{instance} READ", "group:coordinators PROCESS_INSTANCE:* CREATE,READ");
    assertThat(cells).noneMatch(cell -> cell.startsWith("user:") && cell.contains(" UPDATE")
        && !cell.startsWith("user:self"));
  }

  @Test
  @DisplayName("grants of earlier versions are narrowed on start: UPDATE on tasks becomes TASK_WORK, ALL on oneself READ and UPDATE")
  void earlier_grants_are_narrowed() {
    String task = new AccessWorld(driver).fresh().get("draft");
    Authorization old = engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task).userIdIn("colin").singleResult();
    old.setPermissions(new Permission[] {Permissions.READ, Permissions.UPDATE, TaskPermissions.READ_VARIABLE});
    engine.getAuthorizationService().saveAuthorization(old);
    Authorization self = engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.USER)
        .resourceId("clara").userIdIn("clara").singleResult();
    self.setPermissions(new Permission[] {Permissions.ALL});
    engine.getAuthorizationService().saveAuthorization(self);

    bootstrap.afterSingletonsInstantiated();

    Set<String> filters = Set.of();
    assertThat(cell(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task).userIdIn("colin").singleResult(), filters))
        .isEqualTo("user:assignee TASK:{task} READ,READ_VARIABLE,TASK_WORK");
    assertThat(cell(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.USER)
        .resourceId("clara").userIdIn("clara").singleResult(), filters)).isEqualTo("user:self USER:self READ,UPDATE");
  }
}
