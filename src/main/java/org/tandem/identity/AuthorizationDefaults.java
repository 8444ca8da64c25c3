package org.tandem.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's own grants, least privilege: a task's assignee and candidates get {@code TASK_WORK} rather than the
 * engine's default {@code UPDATE} (which lets them rewrite variables and hand the task to anyone), through
 * {@link ProductAuthorizationProvider}.
 */
@Component
class AuthorizationDefaults extends AbstractProcessEnginePlugin {

  static final String TASK_WORK = "TASK_WORK";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionNameForTask(TASK_WORK);
    configuration.setResourceAuthorizationProvider(new ProductAuthorizationProvider());
  }
}
