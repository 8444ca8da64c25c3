package org.tandem.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.OTHER_COACH;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;
import org.tandem.confidential.ConfidentialRecords;
import org.tandem.support.LifecycleDriver;

/**
 * A coordinator runs the programme from Cockpit: the plugin "Programme" with the figures of a programme driven through
 * the models, a phase's members opened in Cockpit, the CSV, and the contracting tasks' times on the diagram. Nothing
 * confidential shows, and a coach still cannot open Cockpit. The screenshots are in
 * {@code target/browser-screenshots/programme-*}.
 */
@Chromium.Required
@org.tandem.support.TandemSpringBootTest
@TestPropertySource(properties = "tandem.programme.stalled-after=14d")
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgrammeBrowserIT {

  static final String MARKER = "OKAPI-4RT-CONFIDENTIAL";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ConfidentialRecords records;

  Browser browser;
  Cockpit cockpit;
  LifecycleDriver driver;
  String r1;
  String r2;
  String r3;

  /**
   * Once: r1 and r2 come into force after 4 and 3 days (their drafts took 48 and 24 hours), r1 holds two sessions
   * with confidential notes (the second on 19 March), r2 ends early; r3 is matched a month later and waits for its
   * draft. The clock then stands on 20 April 2026, where the figures are read: r1 has done nothing for 32 days.
   */
  @BeforeEach
  void seed() {
    if (browser != null) {
      return;
    }
    driver = new LifecycleDriver(engine, jdbc);
    driver.clockAt(LifecycleDriver.START);
    r1 = driver.start(COACH, CLIENT, null, "COACHING");
    r2 = driver.start(OTHER_COACH, "carl", null, "COACHING");
    driver.advance(Duration.ofDays(1));
    driver.draftContract(r2, OTHER_COACH, driver.contract());
    driver.advance(Duration.ofDays(1));
    driver.draftContract(r1, COACH, driver.contract());
    driver.clientSigns(r2, "carl");
    driver.advance(Duration.ofDays(1));
    driver.clientSigns(r1, CLIENT);
    driver.coachSigns(r2, OTHER_COACH);
    driver.advance(Duration.ofDays(1));
    driver.coachSigns(r1, COACH);
    driver.holdSession(r1, COACH, confidential());
    driver.bothGoOn(r1);
    driver.holdSession(r1, COACH, confidential());
    driver.advance(Duration.ofDays(2));
    driver.endEarly(r2, "Task_ClientEndsEarly", "carl", "NOT_MEETING_NEEDS", null);
    driver.runDueJobs(r2);
    driver.advance(Duration.ofDays(30));
    r3 = driver.start(COACH, driver.newPerson("cleo", "clients"), null, "COACHING");
    driver.advance(Duration.ofHours(1));
    browser = new Browser("http://localhost:" + port);
    cockpit = new Cockpit(browser);
  }

  private static Map<String, Object> confidential() {
    Map<String, Object> notes = new HashMap<>();
    for (String field : List.of("confidentialKeyPoints", "confidentialSessionGoal", "confidentialActions")) {
      notes.put(field, MARKER + " in " + field);
    }
    return notes;
  }

  @AfterAll
  void close() {
    if (browser != null) {
      browser.close();
    }
    LifecycleDriver.resetClock();
  }

  /**
   * An element of the plugin's page once it is there, scrolled into view as a person would read it (Cockpit's view
   * scrolls within itself, so what lies outside it does not count as shown).
   */
  private WebElement shown(String css) {
    By by = By.cssSelector(css);
    WebElement element = browser.await("present " + css, page -> page.findElements(by).stream().findFirst()
        .orElse(null));
    browser.scrollTo(element);
    return browser.visible(by);
  }

  private String figure(String name) {
    return shown("[data-figure='" + name + "']").getText();
  }

  @Test
  @Order(1)
  @DisplayName("DP-5 END-1 a coordinator opens Programme in Cockpit and finds the figures of the programme as it ran")
  void the_dashboard() {
    assertThat(driver.records(records, r1, COACH)).as("there is confidential text to keep out of the view")
        .isNotEmpty().allSatisfy(entry -> assertThat(entry.content()).contains(MARKER));

    cockpit.login("cora", "demo");
    browser.click(By.xpath("//a[normalize-space()='Programme']"));
    browser.visible(By.cssSelector("[data-plugin=programme] [data-period]"));
    browser.visible(By.cssSelector("[data-chart=phases] canvas"));
    browser.pause(1000);
    browser.screenshot("programme", "dashboard");

    assertThat(shown("[data-phase=contracting]").getText()).as("r3").isEqualTo("1");
    assertThat(shown("[data-phase=sessions]").getText()).as("r1").isEqualTo("1");
    assertThat(shown("[data-phase=closing]").getText()).as("r2").isEqualTo("1");
    assertThat(figure("contracting.medianDaysToContract")).as("4 and 3 days").isEqualTo("3.5 d");
    assertThat(figure("outcomes.closed")).isEqualTo("1");
    assertThat(figure("outcomes.endedEarly")).isEqualTo("1");
    assertThat(figure("register.LISTED")).as("the demo coaches colin and chloe").isEqualTo("2");
    assertThat(shown("[data-table=reasons]").getText())
        .contains("Not meeting needs").contains("1");
    String stalled = shown("[data-table=stalled]").getText();
    assertThat(stalled).as("r1 has done nothing since its second session").contains(r1).doesNotContain(r2);
    assertThat(shown("[data-table=durations-contracting]").getText())
        .contains("36 h").contains("45.6 h");

    shown("[data-table=stalled]");
    browser.screenshot("programme", "stalled-and-evaluations");
    shown("[data-durations=contracting]");
    browser.pause(500);
    browser.screenshot("programme", "task-times");
    assertThat(browser.text()).as("no confidential text in the plugin").doesNotContain(MARKER);
  }

  @Test
  @Order(2)
  @DisplayName("The count of a phase lists its members, each opening its process instance in Cockpit")
  void a_phase_opens_its_instances() {
    shown("[data-phase=contracting]").click();
    WebElement members = shown("[data-table=phase-contracting]");
    assertThat(members.getText()).contains(r3);
    browser.screenshot("programme", "contracting-members");
    browser.click(By.xpath("//table[@data-table='phase-contracting']//a[normalize-space()='Open in Cockpit']"));
    browser.visible(By.cssSelector(".djs-container svg"));
    assertThat(browser.url()).contains("/process-instance/" + driver.relationshipProcessInstanceId(r3));
    browser.pause(1500);
    browser.screenshot("programme", "member-opened");
    assertThat(browser.text()).doesNotContain(MARKER);
  }

  @Test
  @Order(3)
  @DisplayName("The figures and the stalled relationships download as CSV from the dashboard's links")
  void the_csv() {
    browser.open("/camunda/app/cockpit/default/#/programme");
    String figures = browser.download(shown("[data-download=summary]"));
    assertThat(figures).startsWith("200\nattachment; filename=\"programme-")
        .contains("section,figure,value").contains("outcomes,endedEarly,1")
        .contains("\"phase now\",contracting,1").doesNotContain(MARKER);
    String stalled = browser.download(shown("[data-download=stalled]"));
    assertThat(stalled).startsWith("200\n").contains(r1 + ",COACHING,ACTIVE,").doesNotContain(r2);
  }

  @Test
  @Order(4)
  @DisplayName("The contracting diagram in Cockpit shows each task's median and 90th-percentile time as a heat overlay")
  void the_duration_overlay() {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("contracting").latestVersion().singleResult().getId();
    browser.open("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
    WebElement badge = browser.visible(By.cssSelector("[data-duration=Task_DraftContract]"));
    browser.visible(By.cssSelector("[data-heat=Task_DraftContract]"));
    browser.pause(1500);
    browser.screenshot("programme", "contracting-durations");
    assertThat(badge.getText()).isEqualTo("36 h · p90 45.6 h");
    assertThat(browser.visible(By.cssSelector("[data-duration=Task_ClientSigns]")).getText())
        .isEqualTo("24 h · p90 24 h");
    assertThat(browser.text()).doesNotContain(MARKER);
  }

  @Test
  @Order(5)
  @DisplayName("DP-5 a coach still cannot open Cockpit, nor the plugin's page")
  void a_coach_is_refused() {
    Login.as(browser, "/camunda/app/cockpit/default/", COACH, "demo");
    browser.pause(2000);
    browser.open("/camunda/app/cockpit/default/#/programme");
    browser.pause(2000);
    browser.screenshot("programme", "coach-refused");
    assertThat(browser.all(By.cssSelector("[data-plugin=programme]"))).isEmpty();
    assertThat(browser.all(By.xpath("//a[normalize-space()='Processes']"))).isEmpty();
    assertThat(browser.text()).doesNotContain(MARKER).doesNotContain(r1);
  }
}
