package org.tandem.browser;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A Camunda Form as Tasklist renders it (form-js), filled in the way a person does: by the labels they read. Labels
 * are matched whole, without the asterisk of a required field; {@code nth} counts from 0 among fields with the same
 * label, as in the rows of a dynamic list.
 */
public final class CamundaForm {

  private final Browser browser;
  private final By scope;

  CamundaForm(Browser browser, By scope) {
    this.browser = browser;
    this.scope = scope;
    browser.await("the form to render", d -> d.findElements(scope).stream()
        .anyMatch(form -> !form.findElements(By.cssSelector(".fjs-form-field")).isEmpty()) ? true : null);
    browser.pause(300);
  }

  private WebElement container() {
    return browser.visible(scope);
  }

  /** The nth visible label with this text. */
  WebElement label(String text, int nth) {
    return browser.await("the field '" + text + "'", d -> {
      List<WebElement> matches = container().findElements(By.cssSelector("label.fjs-form-field-label")).stream()
          .filter(WebElement::isDisplayed)
          .filter(label -> clean(label.getText()).equals(text))
          .toList();
      return matches.size() > nth ? matches.get(nth) : null;
    });
  }

  private static String clean(String text) {
    String trimmed = text.strip();
    return trimmed.endsWith("*") ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
  }

  private WebElement input(String label, int nth) {
    String id = label(label, nth).getAttribute("for");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("'" + label + "' labels no single input");
    }
    return container().findElement(By.id(id));
  }

  private WebElement field(String label, int nth) {
    return label(label, nth).findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]"));
  }

  public CamundaForm type(String label, String text) {
    return type(label, 0, text);
  }

  /** Types into a text field or text area, replacing what it held, and checks that the field holds it. */
  public CamundaForm type(String label, int nth, String text) {
    enter(input(label, nth), text);
    String held = input(label, nth).getAttribute("value");
    if (!text.equals(held)) {
      throw new IllegalStateException("Typed '" + text + "' into '" + label + "', but the field holds '" + held + "'");
    }
    return this;
  }

  /** Types a date in the format the date picker shows, and confirms it. */
  public CamundaForm date(String label, LocalDate date) {
    WebElement input = input(label, 0);
    String placeholder = String.valueOf(input.getAttribute("placeholder")).toLowerCase();
    String pattern = placeholder.startsWith("dd") ? "dd/MM/yyyy" : "MM/dd/yyyy";
    enter(input, date.format(DateTimeFormatter.ofPattern(pattern)), Keys.ENTER);
    return this;
  }

  /** Types a time, hh:mm, and confirms it. */
  public CamundaForm time(String label, LocalTime time) {
    enter(input(label, 0), time.format(DateTimeFormatter.ofPattern("HH:mm")), Keys.ENTER);
    return this;
  }

  /** Replaces what an input holds with the keys typed, then leaves it (blur, not TAB, which would open a select). */
  private void enter(WebElement input, CharSequence... keys) {
    browser.scrollTo(input);
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(keys);
    browser.blur();
  }

  /** Chooses one option of a group of radio buttons by its label. */
  public CamundaForm choose(String label, String option) {
    WebElement choice = field(label, 0).findElements(By.cssSelector("label.fjs-form-field-label")).stream()
        .filter(candidate -> clean(candidate.getText()).equals(option)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("'" + label + "' has no option '" + option + "'"));
    browser.scrollTo(choice);
    choice.click();
    return this;
  }

  public CamundaForm check(String label) {
    return check(label, 0, true);
  }

  /** Ticks (or clears) a checkbox by its label. */
  public CamundaForm check(String label, int nth, boolean ticked) {
    WebElement box = label(label, nth).findElement(By.cssSelector("input[type=checkbox]"));
    browser.scrollTo(box);
    if (box.isSelected() != ticked) {
      box.click();
    }
    return this;
  }

  /** Opens a select and picks an option by its label. */
  public CamundaForm select(String label, String option) {
    WebElement field = field(label, 0);
    browser.scrollTo(field);
    expand(field);
    WebElement item = browser.await("the option '" + option + "' of '" + label + "'", d ->
        field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
            .filter(candidate -> candidate.getText().strip().equals(option)).findFirst().orElse(null));
    item.click();
    browser.blur();
    return this;
  }

  /**
   * Opens a select's list with a press. (The select of this form-js version toggles on each press and does not open
   * again once closed by a press, so a list is read and chosen from while it is open.)
   */
  private void expand(WebElement field) {
    if (field.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty()) {
      field.findElement(By.cssSelector(".fjs-select-display")).click();
      browser.pause(300);
    }
  }

  /** The options a select offers; its list stays open for the choice. */
  public List<String> options(String label) {
    WebElement field = field(label, 0);
    browser.scrollTo(field);
    expand(field);
    List<String> options = browser.await("the options of '" + label + "'", d -> {
      List<String> items = field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
          .map(item -> item.getText().strip()).toList();
      return items.isEmpty() ? null : items;
    });
    return options;
  }

  /** The options a select offers now, none if it offers none; its list stays open. */
  public List<String> offered(String label) {
    WebElement field = field(label, 0);
    browser.scrollTo(field);
    expand(field);
    browser.pause(500);
    return field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .map(item -> item.getText().strip()).filter(text -> !text.isEmpty()).toList();
  }

  /** Adds a row to the form's dynamic list. */
  public CamundaForm addRow() {
    WebElement add = container().findElement(By.cssSelector("button.fjs-repeat-render-add"));
    browser.scrollTo(add);
    add.click();
    browser.pause(200);
    return this;
  }

  /** Removes the nth row (from 0) of the form's dynamic list. */
  public CamundaForm removeRow(int nth) {
    List<WebElement> remove = container().findElements(By.cssSelector("button.fjs-repeat-row-remove"));
    if (remove.size() <= nth) {
      throw new IllegalArgumentException("The list has no row " + nth + " to remove");
    }
    browser.scrollTo(remove.get(nth));
    remove.get(nth).click();
    browser.pause(200);
    return this;
  }

  /** How many rows a dynamic list has. */
  public int rows() {
    return container().findElements(By.cssSelector(".fjs-repeat-row-container")).size();
  }

  /** Presses a button of the form itself (not Tasklist's Complete). */
  public void press(String button) {
    WebElement element = container().findElements(By.cssSelector("button.fjs-button")).stream()
        .filter(candidate -> candidate.getText().strip().equals(button)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("The form has no button '" + button + "'"));
    browser.scrollTo(element);
    element.click();
    browser.pause(500);
  }

  /** The validation messages the form shows now. */
  public List<String> errors() {
    return container().findElements(By.cssSelector(".fjs-form-field-error")).stream().filter(WebElement::isDisplayed)
        .map(error -> error.getText().strip()).filter(text -> !text.isEmpty()).toList();
  }

  /** Whether a field with this label is shown now (conditional fields come and go). */
  public boolean shows(String label) {
    return container().findElements(By.cssSelector("label.fjs-form-field-label")).stream()
        .filter(WebElement::isDisplayed).anyMatch(candidate -> clean(candidate.getText()).equals(label));
  }

  /** The elements inside the form's text (its Markdown, rendered) that match a CSS selector, e.g. {@code img}. */
  public List<WebElement> inText(String cssSelector) {
    return container().findElements(By.cssSelector(".fjs-form-field-text " + cssSelector));
  }

  /** The form's text, as a person reads it. */
  public String text() {
    return container().getText();
  }
}
