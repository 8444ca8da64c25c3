package org.tandem.engine;

import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the Camunda engine wait for Flyway: the engine creates its tables in the same schema, and Flyway would
 * otherwise find a non-empty schema on the first start and refuse to migrate the product's tables.
 */
class EngineAfterFlywayDetector extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngineConfigurationImpl.class);
  }
}
