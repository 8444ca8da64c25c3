package org.tandem.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A {@link LifecycleTest} that also calls the running application over HTTP, as a person's browser or an integrating
 * system would: {@link #rest} calls it as a given user, {@link #json} reads what it answers.
 */
public abstract class ApiTest extends LifecycleTest {

  @LocalServerPort
  protected int port;

  protected final ObjectMapper json = new ObjectMapper();
  protected RestClientSupport rest;

  @BeforeEach
  void restClient() {
    rest = new RestClientSupport(baseUrl());
  }

  /** Where the application answers, for {@link WebappSession}s and requests of one's own. */
  protected String baseUrl() {
    return "http://localhost:" + port;
  }
}
