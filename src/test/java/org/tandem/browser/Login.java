package org.tandem.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/** The webapps' login page, shared by Tasklist and Cockpit. */
final class Login {

  private static final By USERNAME = By.cssSelector("input[placeholder=Username]");

  private Login() {
  }

  /**
   * Forgets whoever was logged in, opens one of the webapps and logs in. Should the app hang while it starts (seen
   * once in many runs: the spinner and no login form), the page is loaded again, as a person would. The login page
   * renders twice as it starts, so the fields are checked before sending.
   */
  static void as(Browser browser, String app, String user, String password) {
    browser.forget();
    browser.open(app);
    try {
      browser.visible(USERNAME);
    } catch (TimeoutException stuck) {
      browser.open(app);
    }
    browser.pause(800);
    for (int attempt = 0; attempt < 3; attempt++) {
      WebElement name = browser.visible(USERNAME);
      WebElement secret = browser.visible(By.cssSelector("input[type=password]"));
      name.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, user);
      secret.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, password);
      if (user.equals(name.getAttribute("value")) && password.equals(secret.getAttribute("value"))) {
        browser.click(By.xpath("//button[normalize-space()='Log in']"));
        return;
      }
      browser.pause(500);
    }
    throw new IllegalStateException("The login page did not take the user name and password");
  }
}
