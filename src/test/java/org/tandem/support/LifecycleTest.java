package org.tandem.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A test of the lifecycle models with their real delegates, forms' variable names and records, on the shared
 * application. Each test starts at {@link LifecycleDriver#START} on the engine's clock; process test coverage is
 * collected into {@code target/process-test-coverage}.
 */
@TandemSpringBootTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class LifecycleTest {

  @Autowired
  protected ProcessEngine engine;
  @Autowired
  protected JdbcClient jdbc;

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
