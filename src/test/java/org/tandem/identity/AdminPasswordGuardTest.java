package org.tandem.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;
import org.tandem.TandemApplication;

class AdminPasswordGuardTest {

  private final AdminPasswordGuard guard = new AdminPasswordGuard();

  private MockEnvironment environment(boolean refuse, String password) {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("tandem.identity.admin.refuse-default-password", Boolean.toString(refuse));
    return password == null ? environment : environment.withProperty("tandem.identity.admin.password", password);
  }

  @Test
  void where_default_passwords_are_refused_an_empty_or_well_known_one_stops_the_start() {
    for (String password : new String[] {null, "", "  ", "admin", "Admin", "demo", "changeme"}) {
      assertThatThrownBy(() -> guard.postProcessEnvironment(environment(true, password), new SpringApplication()))
          .as("password %s", password)
          .hasMessageContaining("Set TANDEM_ADMIN_PASSWORD");
    }
  }

  @Test
  void a_password_of_ones_own_is_accepted() {
    assertThatCode(() -> guard.postProcessEnvironment(environment(true, "k7#Lr9-tandem"), new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void the_default_profile_accepts_the_demo_admin_password() {
    assertThatCode(() -> guard.postProcessEnvironment(environment(false, "admin"), new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void the_postgres_profile_refuses_to_start_without_an_admin_password_before_it_touches_the_database() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(TandemApplication.class)
        .profiles("postgres")
        .properties("POSTGRES_URL=jdbc:postgresql://127.0.0.1:1/never-reached", "POSTGRES_USER=nobody")
        .run())
        .hasMessageContaining("Refusing to start: the admin password is empty or a well-known default");
  }
}
