package org.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.TandemApplication;
import org.tandem.support.OwnJvm;
import org.tandem.support.RestClientSupport;

/**
 * Behind a proxy that ends TLS, with the two settings the README gives for it, every answer tells the browser to use
 * HTTPS only (HSTS), the webapps' and the API's alike.
 */
@OwnJvm
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.autoconfigure.exclude="
            + "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration",
        "spring.datasource.url=jdbc:h2:mem:tandem-hsts",
        "camunda.bpm.job-execution.enabled=false",
        "tandem.privacy.key-file=target/confidential-store-test.key",
        "server.forward-headers-strategy=native",
        "camunda.bpm.webapp.header-security.hsts-disabled=false"
    })
class HstsBehindTlsTest {

  @LocalServerPort
  int port;

  @Test
  @DisplayName("a request that reached the proxy over HTTPS is answered with Strict-Transport-Security")
  void hsts() {
    RestClientSupport rest = new RestClientSupport("http://localhost:" + port);
    Map<String, String> overTls = Map.of("X-Forwarded-Proto", "https");
    for (String path : List.of("/camunda/app/tasklist/default/", "/api/coaches", "/engine-rest/task")) {
      RestClientSupport.Answer answer = rest.send("GET", path, null, null, "clara", "demo", overTls);
      assertThat(answer.header("Strict-Transport-Security")).as(path).contains("max-age=");
    }
  }
}
