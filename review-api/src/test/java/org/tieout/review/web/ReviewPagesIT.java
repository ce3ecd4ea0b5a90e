package org.tieout.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tieout.review.service.Role;

/**
 * The review pages in real headless Chromium (Debian's chromium and chromium-driver, installed by
 * scripts/ensure-chromium.sh): log in, work the queue with the keyboard, match by hand with a
 * running balance, review a flag, read the run history.
 */
class ReviewPagesIT extends ServiceTestSupport {
  private WebDriver browser;
  private WebDriverWait wait;

  /** Chromium's profile: a fresh one per test, removed after it (it was left in /tmp). */
  @org.junit.jupiter.api.io.TempDir Path profile;

  @BeforeEach
  void start() throws Exception {
    user("page-viewer", Role.VIEWER);
    user("page-preparer", Role.PREPARER);
    user("page-approver", Role.APPROVER);
    File chromium = new File("/usr/bin/chromium");
    File driver = new File("/usr/bin/chromedriver");
    assertThat(chromium)
        .as("Chromium is missing: run scripts/ensure-chromium.sh (scripts/test.sh does)")
        .exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1600,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    // pages reload after an action: an element may belong to the page that is going away
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private void login(String user) {
    browser.get(base() + "/queue");
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.name("username")).sendKeys(user);
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
  }

  private String selectedId() {
    return browser.findElement(By.cssSelector("#queue tr.selected")).getAttribute("data-id");
  }

  private void press(String key) {
    new Actions(browser).sendKeys(key).perform();
  }

  @Test
  void anApproverWorksTheQueueWithTheKeyboard() {
    login("page-approver");
    List<WebElement> rows = browser.findElements(By.cssSelector("#queue tbody tr"));
    assertThat(rows).hasSizeGreaterThan(2);
    assertThat(browser.findElement(By.id("detail")).getText())
        .contains("Bank", "Ledger", "Confidence");
    // the side-by-side view names each line's provenance
    assertThat(browser.findElement(By.cssSelector("#detail .prov")).getText()).contains(".csv");

    screenshot("queue");
    String first = selectedId();
    press("j");
    wait.until(d -> !selectedId().equals(first));
    String second = selectedId();
    press("k");
    wait.until(d -> selectedId().equals(first));

    press("a");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
    assertThat(browser.findElement(By.id("message")).getText()).contains("Group " + first);
    assertThat(stateOf(Long.parseLong(first))).isIn("approved", "pending_second");
    assertThat(selectedId()).isEqualTo(second);

    press("r");
    wait.until(ExpectedConditions.alertIsPresent());
    browser.switchTo().alert().sendKeys("wrong counterparty");
    browser.switchTo().alert().accept();
    wait.until(d -> stateOf(Long.parseLong(second)).equals("rejected"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
  }

  @Test
  void aViewerSeesTheQueueButNoApproveButton() {
    login("page-viewer");
    assertThat(browser.findElements(By.id("approve"))).isEmpty();
    assertThat(browser.findElements(By.id("bulk"))).isEmpty();
    assertThat(browser.findElement(By.id("total")).getText()).isNotBlank();
  }

  @Test
  void aManualMatchShowsARunningBalanceAndWaitsForAnotherApprover() {
    login("page-preparer");
    browser.get(base() + "/manual");
    WebElement bank = browser.findElement(By.cssSelector("input.pick.bank"));
    String currency = bank.getAttribute("data-currency");
    WebElement ledger =
        browser.findElement(By.cssSelector("input.pick.ledger[data-currency='" + currency + "']"));
    click(bank);
    click(ledger);
    java.math.BigDecimal expected =
        new java.math.BigDecimal(bank.getAttribute("data-amount"))
            .subtract(new java.math.BigDecimal(ledger.getAttribute("data-amount")));
    assertThat(new java.math.BigDecimal(browser.findElement(By.id("difference")).getText()))
        .isEqualByComparingTo(expected);
    browser.findElement(By.id("difference-reason")).sendKeys("bank charge agreed with customer");
    browser.findElement(By.id("create-match")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
    assertThat(browser.findElement(By.id("message")).getText()).contains("Manual match");
    long made =
        jdbc.sql(
                "select max(id) from match_group where status = 'manual' and prepared_by = 'page-preparer'")
            .query(Long.class)
            .single();
    assertThat(stateOf(made)).isEqualTo("open");
  }

  @Test
  void flagsAreReviewedAndRunsCharted() {
    login("page-preparer");
    browser.get(base() + "/anomalies");
    List<WebElement> dismiss = browser.findElements(By.cssSelector("#flags button.dismiss"));
    assertThat(dismiss).isNotEmpty();
    String id = dismiss.get(0).getAttribute("data-id");
    dismiss.get(0).click();
    wait.until(ExpectedConditions.alertIsPresent());
    browser.switchTo().alert().sendKeys("quarterly insurance, expected");
    browser.switchTo().alert().accept();
    wait.until(ExpectedConditions.alertIsPresent());
    browser.switchTo().alert().accept(); // not marked as an expected pattern
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
    assertThat(
            jdbc.sql("select state from anomaly_flag where id = ?")
                .param(Long.parseLong(id))
                .query(String.class)
                .single())
        .isEqualTo("dismissed");

    browser.get(base() + "/runs");
    screenshot("runs");
    assertThat(browser.findElements(By.cssSelector("#rate-chart rect"))).isNotEmpty();
    assertThat(browser.findElement(By.id("runs")).getText()).contains("completed");

    browser.get(base() + "/audit?verify=true");
    assertThat(browser.findElement(By.id("verification")).getText()).contains("Chain intact");
  }

  /** Keeps what the page looked like, for people reading the build's output. */
  private void screenshot(String name) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.write(
          dir.resolve(name + ".png"),
          ((org.openqa.selenium.TakesScreenshot) browser)
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void click(WebElement e) {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
    e.click();
  }

  private String stateOf(long id) {
    return jdbc.sql("select review_state from match_group where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }
}
