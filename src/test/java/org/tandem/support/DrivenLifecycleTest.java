package org.tandem.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test that drives the lifecycle models through a {@link LifecycleDriver}, each test starting at
 * {@link LifecycleDriver#START} on the engine's clock, on whichever application its class starts: the shared one
 * ({@link LifecycleTest}) or one of its own (another database, another profile).
 */
public abstract class DrivenLifecycleTest {

  @Autowired
  protected ProcessEngine engine;
  @Autowired
  protected JdbcClient jdbc;
  @Autowired
  protected DataSource dataSource;

  protected LifecycleDriver driver;

  @BeforeEach
  void startTheClock() {
    init(engine);
    driver = new LifecycleDriver(engine, jdbc);
    driver.clockAt(LifecycleDriver.START);
  }

  @AfterEach
  void resetTheClock() {
    LifecycleDriver.resetClock();
  }
}
