package org.tandem.support;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The in-memory engine of the process tests, configured in {@code process-test.cfg.xml}. It is not named
 * {@code camunda.cfg.xml} on purpose: Camunda would build that file's engine inside every Spring Boot test too.
 */
public final class ProcessTestEngine {

  public static final String CONFIGURATION = "process-test.cfg.xml";

  private ProcessTestEngine() {
  }

  public static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().configurationResource(CONFIGURATION).build();
  }

  /** The engine with process test coverage: the report lands in target/process-test-coverage. */
  public static ProcessEngineCoverageExtension withCoverage() {
    return ProcessEngineCoverageExtension.Companion.builder(CONFIGURATION).build();
  }
}
