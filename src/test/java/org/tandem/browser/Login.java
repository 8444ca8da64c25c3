package org.tandem.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The webapps' login page, shared by Tasklist and Cockpit. */
final class Login {

  private Login() {
  }

  /** Logs in on the page just opened; the page renders twice as it starts, so the fields are checked before sending. */
  static void as(Browser browser, String user, String password) {
    browser.pause(800);
    for (int attempt = 0; attempt < 3; attempt++) {
      WebElement name = browser.visible(By.cssSelector("input[placeholder=Username]"));
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
