package org.tandem.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Cockpit as a coordinator watches relationships in it. */
public final class Cockpit {

  private final Browser browser;

  public Cockpit(Browser browser) {
    this.browser = browser;
  }

  public Cockpit login(String user, String password) {
    Login.as(browser, "/camunda/app/cockpit/default/", user, password);
    browser.visible(By.xpath("//a[normalize-space()='Processes']"));
    return this;
  }

  /** Opens Processes and then the process definition of that name, with its diagram. */
  public Cockpit process(String name) {
    browser.open("/camunda/app/cockpit/default/#/processes");
    browser.click(By.xpath("//td[contains(@class,'name')]//a[normalize-space()=" + Tasklist.literal(name) + "]"));
    browser.visible(By.cssSelector(".djs-container svg"));
    browser.pause(2000);
    return this;
  }

  /** How many running instances the diagram shows at an activity (0 when it shows none). */
  public int instancesAt(String activityId) {
    List<WebElement> badges = browser.all(By.cssSelector(
        ".djs-overlays[data-container-id='" + activityId + "'] .badge.instance-count"));
    return badges.stream().filter(WebElement::isDisplayed).map(badge -> badge.getText().strip())
        .filter(text -> !text.isEmpty()).mapToInt(Integer::parseInt).sum();
  }

  /** Opens a process instance on its runtime view, at the Variables tab. */
  public Cockpit instance(String processInstanceId) {
    browser.open("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime");
    browser.visible(By.cssSelector(".djs-container svg"));
    browser.pause(2000);
    return this;
  }

  /** The text of the Variables tab of an open instance. */
  public String variables() {
    browser.click(By.xpath("//li//a[normalize-space()='Variables']"));
    browser.pause(1500);
    return browser.visible(By.cssSelector("[cam-tabs] .tab-content, .ctn-tabbed-content")).getText();
  }

  /** The text of the User Tasks tab of an open instance: who has which task. */
  public String userTasks() {
    browser.click(By.xpath("//li//a[normalize-space()='User Tasks']"));
    browser.pause(1500);
    return browser.visible(By.cssSelector("[cam-tabs] .tab-content, .ctn-tabbed-content")).getText();
  }
}
