package org.tandem.identity;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops the application before anything starts when {@code tandem.identity.admin.refuse-default-password} is on
 * (the {@code postgres} profile) and the admin password is empty or a well-known default.
 */
class AdminPasswordGuard implements EnvironmentPostProcessor {

  static final Set<String> WELL_KNOWN = Set.of("admin", "demo", "password", "changeme", "camunda");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean refuse = environment.getProperty("tandem.identity.admin.refuse-default-password", Boolean.class, false);
    String password = environment.getProperty("tandem.identity.admin.password", "");
    if (refuse && (password.isBlank() || WELL_KNOWN.contains(password.toLowerCase(Locale.ROOT)))) {
      throw new IllegalStateException(
          "Refusing to start: the admin password is empty or a well-known default. "
              + "Set TANDEM_ADMIN_PASSWORD to a password of your own.");
    }
  }
}
