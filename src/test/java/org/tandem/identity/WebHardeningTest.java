package org.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COORDINATOR;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.support.AccessWorld;
import org.tandem.support.ApiTest;
import org.tandem.support.RestClientSupport;
import org.tandem.support.WebappSession;

/**
 * The web surface as a browser and an attacker meet it: CSRF on the webapps, a new session at login, the security
 * headers, cross-site writes refused, and nothing served beyond health, the webapps, engine REST and the API.
 */
class WebHardeningTest extends ApiTest {

  @Test
  @DisplayName("the webapps refuse a change without their CSRF token: nothing changes, and the session ends")
  void csrf() {
    AccessWorld.Ids ids = new AccessWorld(driver).fresh();
    WebappSession tasklist = new WebappSession(baseUrl());
    assertThat(tasklist.login("tasklist", COORDINATOR, "demo")).isEqualTo(200);
    tasklist.get("/camunda/api/admin/auth/user/default");

    RestClientSupport.Answer forged = tasklist.send("POST",
        "/camunda/api/engine/engine/default/task/" + ids.get("groupTask") + "/claim", "{\"userId\":\"cora\"}", false);

    assertThat(forged.status()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(ids.get("groupTask")).singleResult().getAssignee())
        .isNull();
    String claim = "/camunda/api/engine/engine/default/task/" + ids.get("groupTask") + "/claim";
    assertThat(tasklist.send("POST", claim, "{\"userId\":\"cora\"}", true).status()).isEqualTo(401);

    assertThat(tasklist.login("tasklist", COORDINATOR, "demo")).isEqualTo(200);
    tasklist.get("/camunda/api/admin/auth/user/default");
    assertThat(tasklist.send("POST", claim, "{\"userId\":\"cora\"}", true).status()).isEqualTo(204);
  }

  @Test
  @DisplayName("logging in to a webapp starts a new session: a session planted before the login is worth nothing")
  void session_fixation() {
    WebappSession browser = new WebappSession(baseUrl());
    browser.get("/camunda/app/tasklist/default/");
    browser.get("/camunda/api/admin/auth/user/default");
    String planted = browser.sessionId();
    assertThat(planted).isNotNull();

    assertThat(browser.login("tasklist", CLIENT, "demo")).isEqualTo(200);

    assertThat(browser.sessionId()).isNotNull().isNotEqualTo(planted);
  }

  @Test
  @DisplayName("the webapps and the API answer with a content security policy, nosniff and a same-origin referrer")
  void security_headers() {
    RestClientSupport.Answer tasklist = rest.get("/camunda/app/tasklist/default/", null, null);
    assertThat(tasklist.header("Content-Security-Policy")).contains("frame-ancestors 'none'")
        .contains("object-src 'none'");
    assertThat(tasklist.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(tasklist.header("Referrer-Policy")).isEqualTo("same-origin");

    for (String path : List.of("/api/coaches", "/engine-rest/task")) {
      RestClientSupport.Answer api = rest.get(path, CLIENT, "demo");
      assertThat(api.status()).isEqualTo(200);
      assertThat(api.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'")
          .contains("default-src 'self'");
      assertThat(api.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(api.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
      assertThat(api.header("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(api.header("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
    }
  }

  @Test
  @DisplayName("a browser's write from another site is refused on the API and engine REST, even with a login")
  void cross_site_writes() {
    AccessWorld.Ids ids = new AccessWorld(driver).fresh();
    String claim = "/engine-rest/task/" + ids.get("groupTask") + "/claim";
    for (Map<String, String> headers : List.of(Map.of("Sec-Fetch-Site", "cross-site"),
        Map.of("Sec-Fetch-Site", "same-site"), Map.of("Origin", "https://evil.example"))) {
      RestClientSupport.Answer engineRest = rest.send("POST", claim, "application/json",
          "{\"userId\":\"cora\"}".getBytes(), COORDINATOR, "demo", headers);
      assertThat(engineRest.status()).as(headers.toString()).isEqualTo(403);
      assertThat(engineRest.body()).contains("another site");
      RestClientSupport.Answer api = rest.send("POST", "/api/cpd-reviews", "application/json", "{}".getBytes(),
          COORDINATOR, "demo", headers);
      assertThat(api.status()).as(headers.toString()).isEqualTo(403);
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(ids.get("groupTask")).singleResult().getAssignee())
        .isNull();

    RestClientSupport.Answer sameOrigin = rest.send("POST", claim, "application/json",
        "{\"userId\":\"cora\"}".getBytes(), COORDINATOR, "demo",
        Map.of("Sec-Fetch-Site", "same-origin", "Origin", baseUrl()));
    assertThat(sameOrigin.status()).as(sameOrigin.body()).isEqualTo(204);
  }

  @Test
  @DisplayName("no H2 console and no actuator beyond health, for anyone")
  void nothing_else_is_served() {
    assertThat(rest.get("/actuator/health", null, null).status()).isEqualTo(200);
    for (String path : List.of("/h2-console", "/h2-console/login.jsp", "/actuator", "/actuator/info",
        "/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/metrics", "/actuator/mappings",
        "/actuator/heapdump", "/actuator/loggers")) {
      assertThat(rest.get(path, null, null).status()).as(path + " anonymous").isIn(401, 404);
      assertThat(rest.get(path, "admin", "admin").status()).as(path + " as admin").isIn(401, 403, 404);
    }
  }
}
