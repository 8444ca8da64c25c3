package org.tandem.programme;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.TandemApplication;
import org.tandem.support.PostgresExtension;
import org.tandem.support.RequiresPostgres;

/** The programme API benchmark on PostgreSQL, in a schema of its own. */
@RequiresPostgres
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "tandem.identity.admin.password=bench-secret-1",
        "tandem.identity.demo-users=true"})
@ActiveProfiles("postgres")
class PostgresProgrammeBenchmark extends ProgrammeBenchmark {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresExtension.register(registry, PostgresProgrammeBenchmark.class);
  }

  @Override
  String database() {
    return PostgresExtension.describe(dataSource);
  }
}
