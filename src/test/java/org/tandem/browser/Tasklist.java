package org.tandem.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Tasklist as coaches, clients, sponsors and coordinators use it. */
public final class Tasklist {

  private static final By TASK_FORM = By.cssSelector("[cam-tasklist-form]");
  private static final By START_FORM = By.cssSelector(".modal-body");

  private final Browser browser;

  public Tasklist(Browser browser) {
    this.browser = browser;
  }

  /** Logs in as a person, in a browser that forgot whoever was there before. */
  public Tasklist login(String user, String password) {
    Login.as(browser, "/camunda/app/tasklist/default/", user, password);
    browser.visible(By.cssSelector(".task-filters, [cam-tasklist-filters]"));
    browser.pause(1500);
    return this;
  }

  /** Opens one of the filters on the left, e.g. "My tasks". */
  public Tasklist filter(String name) {
    browser.click(By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'name')]"
        + "[starts-with(normalize-space(), " + literal(name) + ")]"));
    browser.pause(1500);
    return this;
  }

  /** The names of the tasks listed now, newest first. */
  public List<String> tasks() {
    browser.pause(500);
    return browser.all(By.cssSelector("ol.tasks-list li.task h4.task a")).stream()
        .map(link -> link.getText().strip()).toList();
  }

  /** Waits until a task with this name is listed (Tasklist refreshes by itself). */
  public Tasklist waitFor(String name) {
    browser.await("the task '" + name + "' in the list", d -> tasks().contains(name) ? true : null);
    return this;
  }

  /** Opens the first (newest) task of that name and answers its form. */
  public CamundaForm open(String name) {
    // The list re-renders whenever Tasklist refreshes it, so the link is found and clicked in one try.
    browser.await("the task '" + name + "' in the list, clicked", d -> {
      WebElement link = browser.all(By.cssSelector("ol.tasks-list li.task h4.task a")).stream()
          .filter(candidate -> candidate.getText().strip().equals(name)).findFirst().orElse(null);
      if (link == null) {
        return null;
      }
      browser.scrollTo(link);
      link.click();
      return true;
    });
    browser.visible(By.xpath("//h2[contains(@class,'task')][normalize-space()=" + literal(name) + "]"));
    browser.pause(1000);
    claimIfOffered();
    return new CamundaForm(browser, TASK_FORM);
  }

  /** Opens a task by its link, as someone who was sent the address would. */
  public void openById(String taskId) {
    browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
    browser.pause(2500);
  }

  /** Whether the task of that name is open on the right, with its form. */
  public boolean showsTask(String name) {
    return browser.all(By.xpath("//h2[contains(@class,'task')][normalize-space()=" + literal(name) + "]")).stream()
        .anyMatch(WebElement::isDisplayed);
  }

  /** Claims the open task when it is offered to a group rather than assigned. */
  public void claimIfOffered() {
    List<WebElement> claim = browser.all(By.cssSelector("button[ng-click='claim()']")).stream()
        .filter(WebElement::isDisplayed).toList();
    if (!claim.isEmpty()) {
      claim.get(0).click();
      browser.pause(1500);
    }
  }

  /** Presses Tasklist's Complete and waits until the task has left the list. */
  public void complete() {
    browser.click(By.xpath("//div[contains(@class,'form-actions')]//button[contains(@class,'btn-primary')]"));
    browser.pause(1500);
  }

  /** Opens "Start process", picks a process by name, and answers its start form. */
  public CamundaForm startProcess(String name) {
    browser.click(By.xpath("//a[normalize-space()='Start process']"));
    browser.click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()=" + literal(name) + "]"));
    return new CamundaForm(browser, START_FORM);
  }

  /** Presses Start in the start dialog and waits for it to close. */
  public void start() {
    browser.click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']"));
    browser.await("the start dialog to close", d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty()
        ? true : null);
    browser.pause(1000);
  }

  /** The messages Tasklist shows at the top (successes and failures). */
  public List<String> notifications() {
    return browser.all(By.cssSelector(".notifications .alert")).stream()
        .filter(WebElement::isDisplayed).map(element -> element.getText().strip()).toList();
  }

  /** A string as an XPath literal, whichever quotes it holds. */
  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
