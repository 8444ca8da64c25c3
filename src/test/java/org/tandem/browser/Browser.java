package org.tandem.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium, driven as a person uses the product, that saves a screenshot of each step under
 * {@code target/browser-screenshots}, named by scenario and step.
 */
public final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
  static final Duration PATIENCE = Duration.ofSeconds(20);

  private final WebDriver driver;
  private final String baseUrl;
  private int shots;

  public Browser(String baseUrl) {
    this.baseUrl = baseUrl;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(Chromium.browser().orElseThrow().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1400,1100");
    // what the page's scripts log, to read when a step times out
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Chromium.driver().orElseThrow().toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    // Debian's chromium ships only the en-US locale; the pages get the locale and time zone of a browser in the UK.
    chrome.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "en-GB"));
    chrome.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/London"));
    this.driver = chrome;
  }

  /** Opens a path of the application. */
  public void open(String path) {
    driver.get(baseUrl + path);
  }

  /** Forgets whoever was logged in, as a new browser would. */
  public void forget() {
    driver.get(baseUrl + "/camunda/app/welcome/default/");
    driver.manage().deleteAllCookies();
  }

  /** Waits until the condition holds (answers something other than null or false), then answers it. */
  public <T> T await(String what, Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
          .withMessage(what).until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("timeout", what.replaceAll("[^A-Za-z0-9]+", "-"));
      driver.manage().logs().get(LogType.BROWSER).forEach(entry -> System.err.println("browser: " + entry));
      throw e;
    }
  }

  /** The first visible element found, once there is one. */
  public WebElement visible(By by) {
    return await("visible " + by, d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst()
        .orElse(null));
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  public void click(By by) {
    WebElement element = visible(by);
    scrollTo(element);
    await("clickable " + by, d -> element.isEnabled() ? element : null).click();
  }

  public void scrollTo(WebElement element) {
    script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});", element);
    pause(100);
  }

  /** Runs a script in the page, as the page's own code would. */
  private Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** Takes the focus away from whatever has it, as clicking on an empty spot does. */
  public void blur() {
    script("if (document.activeElement) { document.activeElement.blur(); }");
    pause(100);
  }

  /** Lets the page settle: Angular's digests and the form's rendering. */
  public void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Saves a screenshot as {@code <scenario>-<nn>-<step>.png}; answers its path. */
  public Path screenshot(String scenario, String step) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve("%s-%02d-%s.png".formatted(scenario, ++shots, step));
      Path taken = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.move(taken, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All the text the page shows, as a person would read it. */
  public String text() {
    return (String) script("return document.body.innerText;");
  }

  /**
   * Follows a link as its download would, in the page with the page's login: answers the status, the
   * {@code Content-Disposition} and the body, one per line before the body.
   */
  public String download(WebElement link) {
    return (String) ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0].href, {credentials: 'same-origin'})
          .then(async r => done(r.status + '\\n' + r.headers.get('Content-Disposition') + '\\n' + await r.text()))
          .catch(e => done('failed\\n' + e));""", link);
  }

  /** The address the browser shows. */
  public String url() {
    return driver.getCurrentUrl();
  }

  /** The page's title. */
  public String title() {
    return driver.getTitle();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
