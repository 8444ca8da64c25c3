package org.tandem.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters the product offers, each to the roles it is for. A filter is created on the first start and
 * brought up to date on every later one (its query, description and place in the list), so a changed setting or a
 * new version of the product reaches the filters people already have.
 */
@Component
public class TasklistFilters {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  private final FilterService filterService;
  private final AuthorizationService authorizationService;
  private final IdentityProperties properties;

  TasklistFilters(FilterService filterService, AuthorizationService authorizationService,
      IdentityProperties properties) {
    this.filterService = filterService;
    this.authorizationService = authorizationService;
    this.properties = properties;
  }

  /** Offers a filter of that name to the roles, with its query; the lower the priority, the higher in the list. */
  public void offer(String name, int priority, String description, TaskQuery query, List<String> roles) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name).setOwner(properties.admin().id());
      LOG.info("Tasklist filter '{}' created", name);
    }
    filter.setQuery(query).setProperties(Map.of("description", description, "priority", priority, "refresh", true));
    filterService.saveFilter(filter);
    for (String role : roles) {
      Grants.grant(authorizationService, role, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
