package org.tandem;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.support.PostgresExtension;
import org.tandem.support.RequiresPostgres;

/** The lifecycle throughput benchmark on PostgreSQL, in a schema of its own, without coverage recording. */
@RequiresPostgres
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.autoconfigure.exclude=" + LifecycleThroughputBenchmark.COVERAGE,
        "camunda.bpm.job-execution.enabled=false", "tandem.notifications.worker-enabled=false",
        "tandem.identity.admin.password=bench-secret-1",
        "tandem.identity.demo-users=true"})
@ActiveProfiles("postgres")
class PostgresLifecycleThroughputBenchmark extends LifecycleThroughputBenchmark {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresExtension.register(registry, PostgresLifecycleThroughputBenchmark.class);
  }

  @Override
  String database() {
    return PostgresExtension.describe(dataSource);
  }
}
