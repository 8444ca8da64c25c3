package org.tandem;

import org.springframework.test.context.TestPropertySource;
import org.tandem.support.TandemSpringBootTest;

/** The lifecycle throughput benchmark on H2 in memory, without the process tests' coverage recording. */
@TandemSpringBootTest
@TestPropertySource(properties = "spring.autoconfigure.exclude=" + LifecycleThroughputBenchmark.COVERAGE)
class H2LifecycleThroughputBenchmark extends LifecycleThroughputBenchmark {

  @Override
  String database() {
    return "H2 (in memory)";
  }
}
