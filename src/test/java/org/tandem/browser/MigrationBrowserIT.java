package org.tandem.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.tandem.support.ChangedSessions;
import org.tandem.support.LifecycleDriver;
import org.tandem.support.RestClientSupport;
import org.tandem.support.TandemSpringBootTest;

/**
 * An administrator moves running relationships to a changed sessions model in Cockpit's view "Migrations": the dry
 * run without a mapping says which cannot move and why, the dry run with the mapping of the renamed task moves all,
 * and the migration runs as a batch of the job executor, followed on the page. A coordinator has no such view. The
 * screenshots are in {@code target/browser-screenshots/migrations-*}.
 */
@Chromium.Required
@TandemSpringBootTest
@TestPropertySource(properties = "camunda.bpm.generic-properties.properties.batch-poll-time=1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;

  Browser browser;

  @AfterAll
  void close() {
    if (browser != null) {
      browser.close();
    }
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().shutdown();
    LifecycleDriver.resetClock();
  }

  private List<String> onVersion(int version) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(engine.getRepositoryService()
            .createProcessDefinitionQuery().processDefinitionKey("sessions").processDefinitionVersion(version)
            .singleResult().getId()).list().stream().map(instance -> instance.getBusinessKey()).toList();
  }

  private WebElement shown(String css) {
    By by = By.cssSelector(css);
    WebElement element = browser.await("present " + css, page -> page.findElements(by).stream().findFirst()
        .orElse(null));
    browser.scrollTo(element);
    return browser.visible(by);
  }

  @Test
  @DisplayName("an administrator runs a dry run and a migration of the sessions model in Cockpit and follows the batch to its end")
  void a_migration_in_cockpit() {
    LifecycleDriver driver = new LifecycleDriver(engine, jdbc);
    driver.clockAt(LifecycleDriver.START);
    List<String> atReview = new ArrayList<>();
    List<String> between = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = driver.inForce(SPONSOR);
      driver.holdSession(id);
      driver.bothGoOn(id);
      between.add(id);
    }
    for (int i = 0; i < 3; i++) {
      String id = driver.inForce(SPONSOR);
      driver.holdSession(id);
      driver.bothGoOn(id);
      for (int session = 2; session <= 4; session++) {
        driver.holdSession(id);
      }
      assertThat(driver.hasTask(id, ChangedSessions.RENAMED)).isTrue();
      atReview.add(id);
    }
    // from here the job executor works, as on a server: it runs the migration's batch
    JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    jobs.start();
    RestClientSupport.Answer deployed = ChangedSessions.deploy(new RestClientSupport("http://localhost:" + port),
        "admin", "admin", Map.of("sessions.bpmn", ChangedSessions.model(),
            "next-steps.form", ChangedSessions.NEXT_STEPS_FORM));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);

    browser = new Browser("http://localhost:" + port);
    Cockpit cockpit = new Cockpit(browser);
    cockpit.login("cora", "demo");
    browser.pause(2000);
    assertThat(browser.all(By.xpath("//a[normalize-space()='Migrations']"))).as("not for coordinators").isEmpty();

    cockpit.login("admin", "admin");
    browser.pause(2000);
    By link = By.xpath("//a[normalize-space()='Migrations']");
    if (browser.all(link).stream().noneMatch(WebElement::isDisplayed)) {
      browser.click(By.xpath("//a[contains(@class,'dropdown-toggle')][contains(normalize-space(),'More')]"));
    }
    browser.screenshot("migrations", "navigation");
    browser.click(link);
    browser.await("the models", page -> page.findElements(By.cssSelector("[data-input=model] option")).size() > 1
        ? true : null);
    new Select(shown("[data-input=model]")).selectByValue("sessions");
    browser.await("the versions of sessions", page -> page.findElements(
        By.cssSelector("[data-input=version] option")).size() == 2 ? true : null);
    browser.screenshot("migrations", "chosen");

    shown("[data-action=dry-run]").click();
    String summary = shown("[data-summary]").getText();
    assertThat(summary).contains("Version 2 (1.1) of sessions: 3 can move, 3 cannot.");
    String refused = shown("[data-table=cannot-move]").getText();
    atReview.forEach(id -> assertThat(refused).contains(id));
    assertThat(refused).contains(ChangedSessions.RENAMED);
    browser.screenshot("migrations", "dry-run-without-mapping");

    shown("[data-input=mapping]").sendKeys(ChangedSessions.RENAMED + " -> " + ChangedSessions.NEW_NAME);
    shown("[data-action=dry-run]").click();
    browser.await("all six can move", page -> page.findElement(By.cssSelector("[data-summary]")).getText()
        .contains("6 can move, 0 cannot") ? true : null);
    assertThat(onVersion(1)).as("a dry run moves nothing").hasSize(6);
    browser.screenshot("migrations", "dry-run-with-mapping");

    WebElement migrate = shown("[data-action=migrate]");
    assertThat(migrate.getText()).isEqualTo("Migrate 6 instances");
    migrate.click();
    browser.await("the batch finished", page -> page.findElements(By.cssSelector("[data-progress=done]")).isEmpty()
        ? null : true);
    assertThat(shown("[data-progress=done]").getText()).contains("6 instances moved from version 1");
    browser.await("the model's count refreshed", page -> new Select(page.findElement(
        By.cssSelector("[data-input=model]"))).getFirstSelectedOption().getText().contains("older versions")
        ? null : true);
    assertThat(new Select(shown("[data-input=model]")).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("sessions");
    assertThat(shown("[data-table=can-move]").getText()).as("the report stays on the page").contains(between.get(0));
    browser.screenshot("migrations", "migrated");
    assertThat(onVersion(1)).isEmpty();
    assertThat(onVersion(2)).containsExactlyInAnyOrderElementsOf(
        Stream.concat(between.stream(), atReview.stream()).toList());
    atReview.forEach(id -> assertThat(driver.hasTask(id, ChangedSessions.NEW_NAME)).as(id).isTrue());
    assertThat(driver.task(atReview.get(0), ChangedSessions.NEW_NAME).getAssignee()).isEqualTo(COACH);
  }
}
