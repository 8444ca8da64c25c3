package org.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.identity.Roles;
import org.tandem.support.OwnJvm;
import org.tandem.support.PostgresExtension;
import org.tandem.support.RequiresPostgres;

/**
 * The smoke test on the {@code postgres} profile against a real PostgreSQL: no demo users there, so the test
 * creates its users as an admin would.
 */
@OwnJvm
@RequiresPostgres
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "tandem.identity.admin.password=smoke-test-secret"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresApplicationSmokeTest extends ApplicationSmokeTest {

  PostgresApplicationSmokeTest() {
    super(new Users(new Login("pgcoordinator", "pg-secret-1"), new Login("pgcoach", "pg-secret-2"),
        new Login("pgothercoach", "pg-secret-3"), new Login("pgclient", "pg-secret-4")));
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresExtension.register(registry, PostgresApplicationSmokeTest.class);
  }

  @BeforeEach
  void users() {
    ensureUser(users.coordinator(), Roles.COORDINATORS);
    ensureUser(users.coach(), Roles.COACHES);
    ensureUser(users.otherCoach(), Roles.COACHES);
    ensureUser(users.client(), Roles.CLIENTS);
  }

  @Test
  void the_postgres_profile_seeds_no_demo_users_but_the_admin() {
    assertThat(identityService.createUserQuery().userId("cora").count()).isZero();
    assertThat(identityService.createUserQuery().userId("admin").memberOfGroup(Roles.ADMINS).count()).isOne();
  }
}
