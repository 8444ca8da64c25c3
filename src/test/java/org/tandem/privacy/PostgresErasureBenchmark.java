package org.tandem.privacy;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.TandemApplication;
import org.tandem.support.PostgresExtension;
import org.tandem.support.RequiresPostgres;

/** The erasure benchmark on PostgreSQL, in a schema of its own. */
@RequiresPostgres
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "tandem.identity.admin.password=bench-secret-1",
        "tandem.identity.demo-users=true"})
@ActiveProfiles("postgres")
class PostgresErasureBenchmark extends ErasureBenchmark {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresExtension.register(registry, PostgresErasureBenchmark.class);
  }

  @Override
  String database() {
    return PostgresExtension.describe(dataSource);
  }
}
