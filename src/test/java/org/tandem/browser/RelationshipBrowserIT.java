package org.tandem.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.support.TandemSpringBootTest;

/**
 * A whole relationship as its people live it, in a real Chromium: the client asks for coaching in Tasklist and picks
 * a coach, the coach accepts, they contract, meet, review, re-contract, the client ends it early and everyone
 * evaluates; a coordinator follows it in Cockpit; another coach sees none of it. The scenarios run in order, on one
 * relationship. The engine's clock is the product's: each step moves it to when the person would act.
 */
@Chromium.Required
@TandemSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelationshipBrowserIT {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String PASSWORD = "demo";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;

  Browser browser;
  Tasklist tasklist;
  Cockpit cockpit;
  String relationshipId;

  @BeforeAll
  void openTheBrowser() {
    browser = new Browser("http://localhost:" + port);
    tasklist = new Tasklist(browser);
    cockpit = new Cockpit(browser);
    at(LocalDate.of(2026, 3, 2), LocalTime.of(9, 0));
  }

  @AfterAll
  void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
    ClockUtil.reset();
  }

  /** Moves the engine's clock to a day and time in London. */
  private void at(LocalDate day, LocalTime time) {
    ClockUtil.setCurrentTime(java.util.Date.from(day.atTime(time).atZone(LONDON).toInstant()));
  }

  private Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Test
  @Order(1)
  @DisplayName("MAT-1 MAT-2 MAT-3 DP-1 scenario 1: a client asks for coaching in Tasklist, consents, picks a coach from the shortlist; the coach accepts")
  void scenario1_request_and_match() {
    String scenario = "s1";
    tasklist.login("clara", PASSWORD);
    browser.screenshot(scenario, "clara-logged-in");
    CamundaForm request = tasklist.startProcess("Request for coaching or mentoring");
    request.check("I consent to the processing of my personal data as the privacy notice describes")
        .choose("What would you like?", "Coaching")
        .type("What would you like to develop?", "Leading my new team through a restructure")
        .type("Your goals so far (optional)", "Delegate more; hold steadier one-to-ones")
        .select("The area you want to work on (optional)", "Leadership")
        .choose("How would you like to meet? (optional)", "Virtual")
        .type("Your organisation", "Sandwell and West Birmingham NHS Trust")
        .type("Your sponsor's user id (optional)", "sam");
    browser.screenshot(scenario, "request-filled");
    tasklist.start();
    browser.screenshot(scenario, "request-started");

    tasklist.filter("My tasks");
    CamundaForm choice = tasklist.open("Choose your coach or mentor");
    assertThat(choice.text()).contains("Colin Marsh", "Chloe Ahmed", "offers your specialism: leadership");
    java.util.List<String> shortlist = choice.options("Your choice");
    browser.screenshot(scenario, "shortlist");
    assertThat(shortlist).hasSize(2).first().asString().contains("Colin Marsh");
    choice.select("Your choice", shortlist.get(0));
    browser.screenshot(scenario, "coach-chosen");
    tasklist.complete();

    tasklist.login("colin", PASSWORD);
    CamundaForm answer = tasklist.open("Accept or decline a client");
    browser.screenshot(scenario, "coach-asked");
    answer.choose("Your answer", "I accept this client");
    tasklist.complete();
    tasklist.waitFor("Draft the contract with your client");
    browser.screenshot(scenario, "coach-accepted");

    relationshipId = jdbc.sql("select id from relationship where coach_id = 'colin' and client_id = 'clara' "
        + "order by opened_at desc").query(String.class).list().get(0);
    assertThat(relationshipId).matches("R-\\d{6}");
  }
}
