package org.tandem.support;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A test of the lifecycle models with their real delegates, forms' variable names and records, on the shared
 * application. Each test starts at {@link LifecycleDriver#START} on the engine's clock; process test coverage is
 * collected into {@code target/process-test-coverage}.
 */
@TandemSpringBootTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class LifecycleTest extends DrivenLifecycleTest {
}
