package org.tandem;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.support.OwnJvm;
import org.tandem.support.PostgresExtension;
import org.tandem.support.RequiresPostgres;

/** The whole relationship on the {@code postgres} profile against a real PostgreSQL, with the demo users switched on. */
@OwnJvm
@RequiresPostgres
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "tandem.identity.admin.password=whole-test-secret",
        "tandem.identity.demo-users=true"})
@ActiveProfiles("postgres")
class PostgresWholeRelationshipTest extends WholeRelationshipTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresExtension.register(registry, PostgresWholeRelationshipTest.class);
  }

}
